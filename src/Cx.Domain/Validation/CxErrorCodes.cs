namespace Cx.Domain.Validation;

/// <summary>The stable error codes of Cx.Domain validation failures; each is explained in <c>docs/errors.md</c>.</summary>
/// <remarks>Codes never change meaning once released; new failures get new codes.</remarks>
public static class CxErrorCodes
{
    /// <summary>A failure with no more specific code.</summary>
    public const string Unspecified = "CX0000";

    /// <summary>A record's customer id is empty.</summary>
    public const string CustomerIdEmpty = "CX0101";

    /// <summary>A record's amount is in another currency than the ledger's.</summary>
    public const string CurrencyMismatch = "CX0102";

    /// <summary>A record's amount has no currency (<c>XXX</c>, the default).</summary>
    public const string CurrencyMissing = "CX0103";

    /// <summary>A record's date falls after the grid's last period (and after-grid records are rejected).</summary>
    public const string DateAfterGrid = "CX0104";

    /// <summary>A record's date is not in the ISO calendar.</summary>
    public const string DateNotIso = "CX0105";

    /// <summary>A record's segment is blank or longer than 200 characters.</summary>
    public const string SegmentInvalid = "CX0106";

    /// <summary>A quantity does not fit the measure unit (too many decimals, or out of range).</summary>
    public const string QuantityInvalid = "CX0107";

    /// <summary>A per-period value is negative.</summary>
    public const string PeriodValueNegative = "CX0108";

    /// <summary>A per-period value's period index is after the grid.</summary>
    public const string PeriodIndexAfterGrid = "CX0109";

    /// <summary>A customer's net value in a period is below zero (refunds exceed purchases).</summary>
    public const string NetValueNegative = "CX0110";

    /// <summary>A customer's net value in a period, or a period total, overflows 64-bit minor units.</summary>
    public const string ValueOverflow = "CX0111";

    /// <summary>The input holds no records.</summary>
    public const string InputEmpty = "CX0112";

    /// <summary>Two per-period values are given for one customer and period.</summary>
    public const string DuplicatePeriodValue = "CX0113";

    /// <summary>A date or instant is outside the supported range of time (0001-01-01 to 9998-12-31; see
    /// <see cref="Primitives.SupportedRange"/>), or a period or window computed from it would be.</summary>
    public const string TimeOutOfRange = "CX0114";

    /// <summary>A per-period value's period index lies before the first period of the supported range of time.</summary>
    public const string PeriodIndexOutOfRange = "CX0115";

    /// <summary>A duration (a rolling window, a lookback, a memory) is longer than the 100 years Cx.Domain computes with.</summary>
    public const string DurationOutOfRange = "CX0116";

    /// <summary>An element of a sequence of records (feedback signals, say) is null.</summary>
    public const string RecordNull = "CX0117";

    /// <summary>A columnar row's customer index is negative.</summary>
    public const string ColumnarCustomerIndexInvalid = "CX0201";

    /// <summary>A columnar row's period index is outside the layout.</summary>
    public const string ColumnarPeriodIndexInvalid = "CX0202";

    /// <summary>A columnar row's value is negative.</summary>
    public const string ColumnarValueNegative = "CX0203";

    /// <summary>Two columnar rows share a customer and period.</summary>
    public const string ColumnarDuplicateRow = "CX0204";

    /// <summary>The columns of a columnar input have different lengths.</summary>
    public const string ColumnarLengthMismatch = "CX0205";

    /// <summary>An activity window is outside 1 to the limit.</summary>
    public const string ActivityWindowInvalid = "CX0301";

    /// <summary>A policy option is not one of its defined values.</summary>
    public const string PolicyInvalid = "CX0302";

    /// <summary>A journey framework's name is empty.</summary>
    public const string JourneyNameEmpty = "CX0401";

    /// <summary>A journey framework has no stages.</summary>
    public const string JourneyNoStages = "CX0402";

    /// <summary>A stage or touchpoint id is empty.</summary>
    public const string JourneyIdEmpty = "CX0403";

    /// <summary>Two stages, or two touchpoints, share an id.</summary>
    public const string JourneyDuplicateId = "CX0404";

    /// <summary>Stage positions are not 1 to the number of stages (a gap, a repeat, or out of range).</summary>
    public const string JourneyStageOrderInvalid = "CX0405";

    /// <summary>A touchpoint's stage is not a stage of the framework.</summary>
    public const string JourneyUnknownStage = "CX0406";

    /// <summary>A touchpoint's category is not one of the four.</summary>
    public const string JourneyCategoryInvalid = "CX0407";

    /// <summary>A stage or touchpoint name is empty.</summary>
    public const string JourneyNameMissing = "CX0408";

    /// <summary>A touchpoint has no accountable owner.</summary>
    public const string JourneyOwnerMissing = "CX0409";

    /// <summary>A journey JSON document is malformed (the message gives the line and position).</summary>
    public const string JourneyJsonMalformed = "CX0410";

    /// <summary>An experience event names a touchpoint that the journey framework does not have.</summary>
    public const string EventUnknownTouchpoint = "CX0411";

    /// <summary>An experience event's outcome or channel is invalid.</summary>
    public const string EventInvalid = "CX0412";

    /// <summary>An attribution lookback window is not positive (zero, or a negative unit).</summary>
    public const string AttributionLookbackInvalid = "CX0601";

    /// <summary>The time-decay half-life is zero or negative.</summary>
    public const string AttributionHalfLifeInvalid = "CX0602";

    /// <summary>The position-based shares are not finite, negative, sum above 1, or both zero.</summary>
    public const string AttributionPositionSharesInvalid = "CX0603";

    /// <summary>More than 15 Shapley players are met in the paths.</summary>
    public const string AttributionTooManyShapleyPlayers = "CX0604";

    /// <summary>An experience event names a customer that is not among the known customers (the ledger's).</summary>
    public const string EventUnknownCustomer = "CX0605";

    /// <summary>The attributed movement classes are empty or include flat or none.</summary>
    public const string AttributionMovementClassesInvalid = "CX0606";

    /// <summary>A customer movement is given twice for one customer and period, or its values contradict its class.</summary>
    public const string AttributionMovementInvalid = "CX0607";

    /// <summary>A reliability standard's id is empty.</summary>
    public const string StandardIdEmpty = "CX0501";

    /// <summary>Two reliability standards share an id.</summary>
    public const string StandardDuplicateId = "CX0502";

    /// <summary>A reliability standard names a touchpoint that the journey framework does not have (or none).</summary>
    public const string StandardUnknownTouchpoint = "CX0503";

    /// <summary>A reliability standard's objective is not strictly between 0 and 1.</summary>
    public const string StandardObjectiveInvalid = "CX0504";

    /// <summary>A reliability standard's threshold is NaN or infinite.</summary>
    public const string StandardThresholdInvalid = "CX0505";

    /// <summary>A reliability standard's comparison or evidence kind is not one of its defined values.</summary>
    public const string StandardKindInvalid = "CX0506";

    /// <summary>A reliability standard's evaluation window is missing or unusable.</summary>
    public const string StandardWindowInvalid = "CX0507";

    /// <summary>A reliability standard's evidence gate is below one event.</summary>
    public const string StandardMinimumEventsInvalid = "CX0508";

    /// <summary>A reliability standard's name or metric is empty.</summary>
    public const string StandardTextMissing = "CX0509";

    /// <summary>A reliability standard has no owner and no journey framework to take the touchpoint's owner from.</summary>
    public const string StandardOwnerMissing = "CX0510";

    /// <summary>A reliability standards JSON document is malformed or has an unreadable field (the message gives the line and position or the field).</summary>
    public const string StandardsJsonMalformed = "CX0511";

    /// <summary>A measurement's or aggregate's value is NaN or infinite.</summary>
    public const string MeasurementValueInvalid = "CX0512";

    /// <summary>A measurement names neither a standard nor a touchpoint that has standards.</summary>
    public const string MeasurementUnknownSubject = "CX0513";

    /// <summary>A drift baseline, reference interval, EWMA or CUSUM setting is invalid.</summary>
    public const string DriftSettingsInvalid = "CX0514";

    /// <summary>A burn-rate policy is empty, or a pair's windows or factor are unusable for the standard's window.</summary>
    public const string BurnRatePolicyInvalid = "CX0515";

    /// <summary>There are no standards, or no measurements to evaluate them on.</summary>
    public const string ReliabilityInputEmpty = "CX0516";

    /// <summary>A periodic aggregate is for an event standard, lacks a period, or repeats a period.</summary>
    public const string AggregateInvalid = "CX0517";

    /// <summary>An early-warning detector's setting is out of range (Bernoulli CUSUM shares or target, value-drift subgroups,
    /// winsorizing or target run length, burn-rate evidence gates).</summary>
    public const string EarlyWarningDetectorInvalid = "CX0518";

    /// <summary>An early-warning policy is unusable: no detector at all, a quiet period or true-episode horizon that is not
    /// positive, or a policy name that is empty.</summary>
    public const string EarlyWarningPolicyInvalid = "CX0519";

    /// <summary>An early-warning policy JSON document is malformed or has an unreadable field.</summary>
    public const string EarlyWarningPolicyJsonMalformed = "CX0520";

    /// <summary>A reliability scenario's options are out of range (volume, days, shares, change timing).</summary>
    public const string ScenarioOptionsInvalid = "CX0521";

    /// <summary>A feedback signal's source is not set or not one of the defined channels.</summary>
    public const string FeedbackSourceInvalid = "CX0701";

    /// <summary>A feedback signal's kind is not set or not unaided, complaint or survey.</summary>
    public const string FeedbackKindInvalid = "CX0702";

    /// <summary>A feedback signal names a stage that the journey framework does not have.</summary>
    public const string FeedbackUnknownStage = "CX0703";

    /// <summary>A feedback signal names a touchpoint that the journey framework does not have.</summary>
    public const string FeedbackUnknownTouchpoint = "CX0704";

    /// <summary>A feedback signal's touchpoint belongs to another stage than the stage it names.</summary>
    public const string FeedbackStageMismatch = "CX0705";

    /// <summary>A feedback signal's topic is blank, repeated, or not in the taxonomy.</summary>
    public const string FeedbackTopicInvalid = "CX0706";

    /// <summary>A feedback signal's sentiment is NaN, infinite, or outside -1 to 1.</summary>
    public const string FeedbackSentimentInvalid = "CX0707";

    /// <summary>A survey signal has no survey answer, or another kind of signal has one.</summary>
    public const string FeedbackSurveyMismatch = "CX0708";

    /// <summary>A survey score is off its scale, or the scale does not suit the instrument.</summary>
    public const string FeedbackScoreInvalid = "CX0709";

    /// <summary>A topic taxonomy JSON document is malformed (the message gives the line and position).</summary>
    public const string TaxonomyJsonMalformed = "CX0710";

    /// <summary>A taxonomy topic's id is empty or repeated, or its name is empty.</summary>
    public const string TaxonomyTopicInvalid = "CX0711";

    /// <summary>A taxonomy keyword is blank, has no letters or digits, or is repeated within its topic.</summary>
    public const string TaxonomyKeywordInvalid = "CX0712";

    /// <summary>A taxonomy topic's stage hint is not a stage of the journey framework.</summary>
    public const string TaxonomyUnknownStage = "CX0713";

    /// <summary>A listening option is out of range (confidence level, minimum responses, time zone).</summary>
    public const string ListeningOptionsInvalid = "CX0714";

    /// <summary>A spike-detection setting is out of range (baseline, alpha, minimum count, reweighting).</summary>
    public const string SpikeDetectionOptionsInvalid = "CX0715";

    /// <summary>The asset movement report given for complaint rates is on another period grid.</summary>
    public const string ListeningAssetsMismatch = "CX0716";

    /// <summary>A row of columnar feedback has an index, enum value, score or sentiment out of range.</summary>
    public const string FeedbackColumnsInvalid = "CX0717";

    /// <summary>Listening partials to merge differ in grid, journey, topics or settings.</summary>
    public const string ListeningPartialsIncompatible = "CX0718";
    /// <summary>The early-warning horizon is outside 1 to 120 periods.</summary>
    public const string EarlyWarningHorizonInvalid = "CX0801";

    /// <summary>The early-warning confidence level is not strictly between 0.5 and 1.</summary>
    public const string EarlyWarningConfidenceLevelInvalid = "CX0802";

    /// <summary>The early-warning evidence gate or priority count is below 1.</summary>
    public const string EarlyWarningCountInvalid = "CX0803";

    /// <summary>The tenure band starts are not strictly increasing from 1, or too many.</summary>
    public const string EarlyWarningTenureBandsInvalid = "CX0804";

    /// <summary>A priority score weight is negative or not finite, or all are zero.</summary>
    public const string EarlyWarningWeightsInvalid = "CX0805";

    /// <summary>The early-warning options have no time zone.</summary>
    public const string EarlyWarningTimeZoneMissing = "CX0806";

    /// <summary>A columnar row of the erosion input names a standard, touchpoint or customer index outside its list.</summary>
    public const string ErosionColumnIndexInvalid = "CX0807";

    /// <summary>The period or instant of an early-warning report is outside the ledger's grid, or no period is complete by it.</summary>
    public const string ErosionPeriodInvalid = "CX0808";

    /// <summary>A listening report given to the early warning is on another grid than the ledger's.</summary>
    public const string ErosionListeningGridInvalid = "CX0809";

    /// <summary>A customer summary's frequency (repeat purchases) or holdout frequency is negative.</summary>
    public const string SummaryFrequencyInvalid = "CX0901";

    /// <summary>A customer summary's recency or age is negative, NaN or infinite.</summary>
    public const string SummaryTimeInvalid = "CX0902";

    /// <summary>A customer summary's recency is after its age (t_x &gt; T): the last purchase after the end of calibration.</summary>
    public const string SummaryRecencyAfterAge = "CX0903";

    /// <summary>A customer summary has no repeat purchase (x = 0) but a recency above zero.</summary>
    public const string SummaryRecencyWithoutRepeat = "CX0904";

    /// <summary>A customer summary's mean repeat spend is negative, NaN or infinite, or not positive where a spend model needs it.</summary>
    public const string SummarySpendInvalid = "CX0905";

    /// <summary>Two customer summaries are for one customer.</summary>
    public const string SummaryDuplicateCustomer = "CX0906";

    /// <summary>There are no customer summaries (or no repeat buyers for a spend model, or no customer first seen by the calibration end).</summary>
    public const string ValueInputEmpty = "CX0907";

    /// <summary>A customer-summary option is invalid: the time unit, or a holdout end not after the calibration end.</summary>
    public const string SummaryOptionsInvalid = "CX0908";

    /// <summary>A contract cohort's active-customer series is unusable: fewer than two periods, a first period without customers, a negative count or a count that grows.</summary>
    public const string CohortSeriesInvalid = "CX0909";

    /// <summary>A customer-value or at-risk option is invalid (discount rate, horizon, periods per year, margin, threshold, list size or selection).</summary>
    public const string ValueOptionsInvalid = "CX0910";

    /// <summary>A fit option is invalid: starting values of the wrong count or not positive and finite, or an iteration limit below 1.</summary>
    public const string FitOptionsInvalid = "CX0911";

    /// <summary>A customer-value analysis option is invalid: an unknown purchase model, or value or at-risk options set to null.</summary>
    public const string ValueAnalysisOptionsInvalid = "CX0912";

    /// <summary>An argument of a value model's scoring method is invalid: a continuous discount rate for DERT that is not positive and finite.</summary>
    public const string ScoringArgumentInvalid = "CX0913";

    /// <summary>A customer's value (or the total) is beyond the range of a double: spends or horizons so large that the expectation overflows.</summary>
    public const string CustomerValueNotFinite = "CX0914";
    /// <summary>The customer list of asset columns holds an id twice.</summary>
    public const string ColumnsCustomerRepeated = "CX1001";

    /// <summary>The segment list of asset columns holds a name twice.</summary>
    public const string ColumnsSegmentRepeated = "CX1002";

    /// <summary>A row of asset columns has a segment index outside the segment list.</summary>
    public const string ColumnsSegmentIndexInvalid = "CX1003";
}
