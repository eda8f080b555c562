namespace Cx.Domain.Listening;

/// <summary>An estimate with its standard error, interval and the center of that interval (internal plumbing of the survey
/// metrics).</summary>
internal readonly record struct SurveyInterval(double Estimate, double StandardError, double Lower, double Upper, double Center);
