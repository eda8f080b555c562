using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;

namespace Cx.Domain.EarlyWarning;

/// <summary>The revenue-erosion early warning: which unreliable experiences are eroding how much of the customer asset, and
/// what to do first — exposure, impact, revenue at risk, the early-warning list and the company-wide priorities.</summary>
/// <remarks>
/// <para>Pure and thread-safe (a singleton): time is passed in, nothing is read from a clock. Definitions and worked
/// examples: <c>docs/concepts/revenue-at-risk.md</c>.</para>
/// <para>Two speeds, one semantics: <see cref="Analyze(ErosionInput, EarlyWarningOptions?)"/> reads records;
/// <see cref="Analyze(ErosionColumns, EarlyWarningOptions?)"/> reads columns with dense indexes, in pooled buffers. Both feed
/// the same engine, so their results are equal. Ledgers of 262,144 customers or more are swept on several cores.</para>
/// </remarks>
public sealed partial class RevenueErosionCalculator
{
    private static readonly EarlyWarningOptionsValidator OptionsValidator = new();
    private readonly EarlyWarningOptions _defaults;

    /// <summary>Initializes a calculator with the default options.</summary>
    public RevenueErosionCalculator()
        : this(new EarlyWarningOptions())
    {
    }

    /// <summary>Initializes a calculator whose default options are <paramref name="defaults"/>.</summary>
    /// <param name="defaults">The options used when a call passes none; validated and copied now.</param>
    /// <exception cref="ArgumentNullException"><paramref name="defaults"/> is null.</exception>
    /// <exception cref="CxValidationException"><paramref name="defaults"/> is invalid (CX0801 to CX0806).</exception>
    public RevenueErosionCalculator(EarlyWarningOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        _defaults = Validated(defaults);
    }

    /// <summary>Computes the exposure and impact of every standard and touchpoint from records.</summary>
    /// <param name="input">The ledger, journey, standards, measurements and events.</param>
    /// <param name="options">The options; the calculator's defaults when null.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, or measurements or events are (a NaN value CX0512, an
    /// unknown subject CX0513, a measurement for an aggregate standard CX0517, an empty customer CX0101, an unknown touchpoint
    /// CX0411, an undefined outcome or blank channel CX0412, an event for a customer the ledger lacks CX0605), or a total
    /// overflows (CX0111); every failure is listed with its position.</exception>
    public ErosionAnalysis Analyze(ErosionInput input, EarlyWarningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        EarlyWarningOptions o = Resolve(options);
        var positions = new Dictionary<CustomerId, int>(input.Ledger.CustomerCount);
        IReadOnlyList<CustomerId> customers = input.Ledger.Customers;
        for (int i = 0; i < customers.Count; i++)
        {
            positions.Add(customers[i], i);
        }

        var failures = new FailureCollector();
        using var engine = new ErosionEngine(input.Ledger, input.Framework, input.Standards, o);
        ReliabilityMeasurementValidator? measurementValidator = null;
        for (int position = 0; position < input.Measurements.Count; position++)
        {
            ReliabilityMeasurement m = input.Measurements[position];
            IReadOnlyList<int> targets = input.Standards.Resolve(m.SubjectId);
            bool ok = double.IsFinite(m.Value) && targets.Count > 0 && (m.Customer is null || !m.Customer.Value.IsEmpty);
            for (int k = 0; ok && k < targets.Count; k++)
            {
                ok = input.Standards.Standards[targets[k]].Evidence == EvidenceKind.Events;
            }

            if (!ok)
            {
                measurementValidator ??= new ReliabilityMeasurementValidator(input.Standards);
                AddFailures(failures, "measurement", position, measurementValidator.Validate(m));
                continue;
            }

            int customer = m.Customer is { } c ? positions.GetValueOrDefault(c, -2) : -1;
            long ticks = m.At.ToUnixTimeTicks();
            foreach (int target in targets)
            {
                engine.AddMeasurement(target, customer, ticks, m.Value);
            }
        }

        ExperienceEventValidator? eventValidator = null;
        for (int position = 0; position < input.Events.Count; position++)
        {
            ExperienceEvent e = input.Events[position];
            int touchpoint = input.Framework.IndexOfTouchpoint(e.TouchpointId);
            bool valid = touchpoint >= 0 && !e.Customer.IsEmpty && e.Outcome is ExperienceOutcome.Unknown or ExperienceOutcome.Reliable or ExperienceOutcome.Unreliable
                && (e.Channel is null || !string.IsNullOrWhiteSpace(e.Channel));
            if (!valid)
            {
                eventValidator ??= new ExperienceEventValidator(input.Framework);
                AddFailures(failures, "experience event", position, eventValidator.Validate(e));
                continue;
            }

            if (!positions.TryGetValue(e.Customer, out int customer))
            {
                failures.Add(null, Where("experience event", position), nameof(ExperienceEvent.Customer), CxErrorCodes.EventUnknownCustomer,
                    $"Expected a customer of the ledger, got '{e.Customer}'. Correct the event's customer id, or add the customer's revenue.");
                continue;
            }

            engine.AddEvent(touchpoint, customer, e.At.ToUnixTimeTicks(), e.Outcome);
        }

        failures.ThrowIfAny("erosion input");
        return Finish(engine, input.Measurements.Count, input.Events.Count);
    }

    /// <summary>Computes the exposure and impact of every standard and touchpoint from columns (the fast path; same result as
    /// the record path on the same data).</summary>
    /// <param name="columns">The ledger, journey, standards and the measurement and event columns.</param>
    /// <param name="options">The options; the calculator's defaults when null.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, a standard's touchpoint is not in the journey (CX0503),
    /// a row's index is outside its list (CX0807), a value is NaN or infinite (CX0512), a measurement is for an aggregate
    /// standard (CX0517), an outcome is undefined (CX0412), or a total overflows (CX0111); every failure with its row.</exception>
    public ErosionAnalysis Analyze(ErosionColumns columns, EarlyWarningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        EarlyWarningOptions o = Resolve(options);
        ErosionInput.CheckTouchpoints(columns.Framework, columns.Standards);
        var failures = new FailureCollector();
        int customers = columns.Ledger.CustomerCount;
        int standards = columns.Standards.Count;
        int touchpoints = columns.Framework.Touchpoints.Count;
        ReadOnlySpan<int> ms = columns.MeasurementStandard.Span;
        ReadOnlySpan<int> mc = columns.MeasurementCustomer.Span;
        ReadOnlySpan<long> mt = columns.MeasurementUnixTicks.Span;
        ReadOnlySpan<double> mv = columns.MeasurementValue.Span;
        ReadOnlySpan<int> et = columns.EventTouchpoint.Span;
        ReadOnlySpan<int> ec = columns.EventCustomer.Span;
        ReadOnlySpan<long> ek = columns.EventUnixTicks.Span;
        ReadOnlySpan<ExperienceOutcome> eo = columns.EventOutcome.Span;
        bool[] eventsEvidence = columns.Standards.Standards.Select(s => s.Evidence == EvidenceKind.Events).ToArray();
        for (int i = 0; i < ms.Length; i++)
        {
            int s = ms[i];
            if (unchecked((uint)s >= (uint)standards))
            {
                failures.Add(null, Where("measurement", i), "StandardIndex", CxErrorCodes.ErosionColumnIndexInvalid, Range("standard", s, standards));
            }
            else if (!eventsEvidence[s])
            {
                failures.Add(null, Where("measurement", i), "StandardIndex", CxErrorCodes.AggregateInvalid,
                    $"Expected event measurements only for standards judged on events, got one for '{columns.Standards.Standards[s].Id}', which is judged on periodic aggregates.");
            }

            if (mc[i] < -1 || mc[i] >= customers)
            {
                failures.Add(null, Where("measurement", i), "CustomerIndex", CxErrorCodes.ErosionColumnIndexInvalid, Range("customer", mc[i], customers) + " Use -1 for a measurement without a customer.");
            }

            if (!double.IsFinite(mv[i]))
            {
                failures.Add(null, Where("measurement", i), "Value", CxErrorCodes.MeasurementValueInvalid,
                    string.Create(CultureInfo.InvariantCulture, $"Expected a finite value, got {mv[i]}. Fix or remove the measurement; NaN and infinities are never counted."));
            }
        }

        for (int i = 0; i < et.Length; i++)
        {
            if (unchecked((uint)et[i] >= (uint)touchpoints))
            {
                failures.Add(null, Where("experience event", i), "TouchpointIndex", CxErrorCodes.ErosionColumnIndexInvalid, Range("touchpoint", et[i], touchpoints));
            }

            if (unchecked((uint)ec[i] >= (uint)customers))
            {
                failures.Add(null, Where("experience event", i), "CustomerIndex", CxErrorCodes.ErosionColumnIndexInvalid, Range("customer", ec[i], customers));
            }

            if (eo[i] is not (ExperienceOutcome.Unknown or ExperienceOutcome.Reliable or ExperienceOutcome.Unreliable))
            {
                failures.Add(null, Where("experience event", i), "Outcome", CxErrorCodes.EventInvalid, $"Expected an outcome of Reliable, Unreliable or Unknown, got {EnumText.Of(eo[i])}.");
            }
        }

        failures.ThrowIfAny("erosion columns");
        using var engine = new ErosionEngine(columns.Ledger, columns.Framework, columns.Standards, o);
        for (int i = 0; i < ms.Length; i++)
        {
            engine.AddMeasurement(ms[i], mc[i], mt[i], mv[i]);
        }

        for (int i = 0; i < et.Length; i++)
        {
            engine.AddEvent(et[i], ec[i], ek[i], eo[i]);
        }

        return Finish(engine, ms.Length, et.Length);
    }

    private static ErosionAnalysis Finish(ErosionEngine engine, long measurements, long events)
    {
        ErosionTables? tables = null;
        OverflowGuard.Run(() => tables = engine.Finish());
        return new ErosionAnalysis(tables!, measurements, events);
    }

    private static string Where(string what, long position) => string.Create(CultureInfo.InvariantCulture, $"{what} #{position}");

    private static string Range(string what, int index, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected a {what} index from 0 to {count - 1}, got {index}.");

    private static void AddFailures(FailureCollector failures, string what, long position, FluentValidation.Results.ValidationResult result)
    {
        foreach (FluentValidation.Results.ValidationFailure f in result.Errors)
        {
            failures.Add(null, Where(what, position), f.PropertyName, f.ErrorCode ?? CxErrorCodes.Unspecified, f.ErrorMessage);
        }
    }

    private static EarlyWarningOptions Validated(EarlyWarningOptions options)
    {
        EarlyWarningOptions copy = options.Snapshot();
        OptionsValidator.ValidateOrThrow(copy, "early-warning options");
        if (copy.Attribution is { } attribution)
        {
            new AttributionOptionsValidator().ValidateOrThrow(attribution, "attribution options");
        }

        if (copy.Reliability is { } reliability)
        {
            _ = new ReliabilityEvaluator(reliability); // validates the settings now, not at the first report
        }

        return copy;
    }

    private EarlyWarningOptions Resolve(EarlyWarningOptions? options) => options is null ? _defaults : Validated(options);
}
