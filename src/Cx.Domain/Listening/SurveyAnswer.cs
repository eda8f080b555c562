using System.Globalization;

namespace Cx.Domain.Listening;

/// <summary>One survey score: the instrument, the score and the scale it was given on, such as NPS 9 on 0–10 or CSAT 4 on 1–5.</summary>
/// <remarks>
/// <para>Create answers with <see cref="Nps"/>, <see cref="Csat"/> or <see cref="Ces"/>. The factories do not throw: an
/// answer is validated with the signal that carries it (<see cref="Validation.FeedbackSignalValidator"/>, CX0709), so a
/// file of a million responses reports every bad score with its record instead of stopping at the first.</para>
/// <para>Scales: NPS is always 0–10, CES always 1–7 (CES 2.0, higher is easier); CSAT is on a stated scale of 2 to 101
/// points (1–5 by default). <c>default(SurveyAnswer)</c> has instrument <see cref="SurveyInstrument.None"/>: no answer.
/// Equality compares instrument, score and scale.</para>
/// </remarks>
public readonly struct SurveyAnswer : IEquatable<SurveyAnswer>
{
    /// <summary>The widest CSAT scale accepted, in points.</summary>
    public const int MaxScalePoints = 101;

    private SurveyAnswer(SurveyInstrument instrument, int score, int scaleMin, int scaleMax)
    {
        Instrument = instrument;
        Score = score;
        ScaleMin = scaleMin;
        ScaleMax = scaleMax;
    }

    /// <summary>Gets the instrument; <see cref="SurveyInstrument.None"/> for <c>default</c>.</summary>
    public SurveyInstrument Instrument { get; }

    /// <summary>Gets the score, a whole number on the scale.</summary>
    public int Score { get; }

    /// <summary>Gets the lowest point of the scale (0 for NPS, 1 for CES).</summary>
    public int ScaleMin { get; }

    /// <summary>Gets the highest point of the scale (10 for NPS, 7 for CES).</summary>
    public int ScaleMax { get; }

    /// <summary>Gets a value indicating whether the scale suits the instrument and the score lies on it.</summary>
    public bool IsValid => Instrument switch
    {
        SurveyInstrument.Nps => ScaleMin == 0 && ScaleMax == 10 && Score is >= 0 and <= 10,
        SurveyInstrument.Ces => ScaleMin == 1 && ScaleMax == 7 && Score is >= 1 and <= 7,
        SurveyInstrument.Csat => ScaleMax > ScaleMin && (long)ScaleMax - ScaleMin < MaxScalePoints && Score >= ScaleMin && Score <= ScaleMax,
        _ => false,
    };

    /// <summary>Creates a Net Promoter answer on 0–10.</summary>
    /// <param name="score">The likelihood to recommend, 0 to 10.</param>
    /// <returns>The answer (validated where it is consumed).</returns>
    public static SurveyAnswer Nps(int score) => new(SurveyInstrument.Nps, score, 0, 10);

    /// <summary>Creates a customer-satisfaction answer on a stated scale.</summary>
    /// <param name="score">The score, on the scale.</param>
    /// <param name="scaleMin">The lowest point, 1 by default.</param>
    /// <param name="scaleMax">The highest point, 5 by default; the top two boxes (<paramref name="scaleMax"/> and one below) count as satisfied.</param>
    /// <returns>The answer (validated where it is consumed).</returns>
    public static SurveyAnswer Csat(int score, int scaleMin = 1, int scaleMax = 5) => new(SurveyInstrument.Csat, score, scaleMin, scaleMax);

    /// <summary>Creates a Customer Effort Score answer on 1–7 (CES 2.0: 7 = strongly agree that it was easy).</summary>
    /// <param name="score">The score, 1 to 7.</param>
    /// <returns>The answer (validated where it is consumed).</returns>
    public static SurveyAnswer Ces(int score) => new(SurveyInstrument.Ces, score, 1, 7);

    /// <summary>Compares instrument, score and scale.</summary>
    /// <param name="other">The other answer.</param>
    /// <returns><see langword="true"/> when all four are equal.</returns>
    public bool Equals(SurveyAnswer other) =>
        Instrument == other.Instrument && Score == other.Score && ScaleMin == other.ScaleMin && ScaleMax == other.ScaleMax;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SurveyAnswer other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Instrument, Score, ScaleMin, ScaleMax);

    /// <summary>Returns a short form such as <c>NPS 9 (0-10)</c>.</summary>
    /// <returns>The instrument, score and scale; <c>no answer</c> for <c>default</c>.</returns>
    public override string ToString() => Instrument == SurveyInstrument.None
        ? "no answer"
        : string.Create(CultureInfo.InvariantCulture, $"{Instrument.ToString().ToUpperInvariant()} {Score} ({ScaleMin}-{ScaleMax})");

    /// <summary>Compares two answers.</summary>
    /// <param name="left">The first answer.</param>
    /// <param name="right">The second answer.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(SurveyAnswer left, SurveyAnswer right) => left.Equals(right);

    /// <summary>Compares two answers.</summary>
    /// <param name="left">The first answer.</param>
    /// <param name="right">The second answer.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(SurveyAnswer left, SurveyAnswer right) => !left.Equals(right);
}
