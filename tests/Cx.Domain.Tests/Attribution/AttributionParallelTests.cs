using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Validation;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;

namespace Cx.Domain.Tests.Attribution;

/// <summary>The engine's statics are set here: nothing else may run beside these tests.</summary>
[CollectionDefinition(nameof(AttributionEngineStatics), DisableParallelization = true)]
public sealed class AttributionEngineStatics;

/// <summary>Large inputs are cut into customer blocks that build, count and allocate on their own threads: the result is
/// identical to one block, for every model, on both inputs.</summary>
[Collection(nameof(AttributionEngineStatics))]
public sealed class AttributionParallelTests
{
    [Fact]
    public void Calculate_CustomerBlocks_GiveExactlyTheResultOfOneBlock()
    {
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            CustomerId[] customers = [.. s.Movements.Select(m => m.Customer).Concat(s.Events.Select(e => e.Customer)).Distinct()];
            AttributionColumns columns = AttributionFlatMovementTests.Columns(s.Framework, customers, s.Movements, s.Events);
            var calculator = new JourneyAttributionCalculator();
            foreach (Func<AttributionOptions> variant in AttributionPartialTests.Variants)
            {
                AttributionOptions options = AttributionPartialTests.Options(variant);
                string single = Blocks(1, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, columns, options)));
                foreach (int blocks in (int[])[2, 3, 7])
                {
                    Assert.Equal(single, Blocks(blocks, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, columns, options))));
                    Assert.Equal(single, Blocks(blocks, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, s.Movements, s.Events, options, customers))));
                }
            }
        }, maxTests: 40);
    }

    [Fact]
    public void Calculate_InputSortedByCustomer_GivesExactlyTheResultOfAnyOrder()
    {
        // Sorted input takes the fast reading paths (slots merged without hashing, touches grouped in place); the result must
        // be that of the same data in its arbitrary order, on one thread and on several, on both inputs. Equal ids in
        // separate string instances, and customers with movements but no events (or events but no movements), included.
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            CustomerId[] customers = [.. s.Movements.Select(m => m.Customer).Concat(s.Events.Select(e => e.Customer)).Distinct()];
            CustomerId[] ordinal = [.. customers.Order()];
            CustomerMovement[] sortedMovements = [.. s.Movements.OrderBy(m => m.Customer).ThenBy(m => m.Period.Index)];
            ExperienceEvent[] sortedEvents = [.. s.Events.OrderBy(e => e.Customer).ThenBy(e => e.At)];
            ExperienceEvent[] copiedIds = [.. sortedEvents.Select(e => e with { Customer = CustomerId.From(new string(e.Customer.Value.AsSpan())) })];
            AttributionColumns groupedColumns = AttributionFlatMovementTests.Columns(s.Framework, ordinal, sortedMovements, sortedEvents);
            AttributionColumns scatteredColumns = AttributionFlatMovementTests.Columns(s.Framework, customers, sortedMovements, sortedEvents);
            var calculator = new JourneyAttributionCalculator();
            foreach (Func<AttributionOptions> variant in AttributionPartialTests.Variants)
            {
                AttributionOptions options = AttributionPartialTests.Options(variant);
                string expected = Blocks(1, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, s.Movements, s.Events, options, customers)));
                foreach (int blocks in (int[])[1, 2, 3])
                {
                    Assert.Equal(expected, Blocks(blocks, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, sortedMovements, sortedEvents, options, customers))));
                    Assert.Equal(expected, Blocks(blocks, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, sortedMovements, copiedIds, options))));
                    Assert.Equal(expected, Blocks(blocks, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, s.Movements, sortedEvents, options, customers))));
                    Assert.Equal(expected, Blocks(blocks, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, sortedMovements, s.Events.ToList(), options))));
                    Assert.Equal(expected, Blocks(blocks, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, groupedColumns, options))));
                    Assert.Equal(expected, Blocks(blocks, () => AttributionPropertyTests.Render(calculator.Calculate(s.Framework, scatteredColumns, options))));
                }
            }
        }, maxTests: 30);
    }

    [Fact]
    public void Calculate_SortedEventsOfAnUnknownCustomer_ReportExactlyWhatUnsortedEventsReport()
    {
        // The merge of sorted runs meets the unknown customer part-way: the ordered pass must still report it, as for any order.
        JourneyFramework framework = Journeys.Flat(2);
        NodaTime.Instant at = NodaTime.Instant.FromUtc(2024, 3, 1, 0, 0);
        ExperienceEvent[] sorted =
        [
            new(CustomerId.From("a"), "t0", at, ExperienceOutcome.Reliable),
            new(CustomerId.From("a"), "t1", at, ExperienceOutcome.Reliable),
            new(CustomerId.From("b"), "t1", at, ExperienceOutcome.Unknown),
            new(CustomerId.From("c"), "t0", at, ExperienceOutcome.Unreliable),
        ];
        CustomerId[] known = [CustomerId.From("a"), CustomerId.From("c")];

        Assert.Equal("2 Customer CX0605", Failures(framework, known, 1, sorted));
        Assert.Equal("2 Customer CX0605", Failures(framework, known, 2, sorted));
        Assert.Equal("1 Customer CX0605", Failures(framework, known, 2, sorted.Reverse().ToArray()));
    }

    [Fact]
    public void Calculate_CustomModelOnALargeInput_RunsAsOneBlock()
    {
        // A custom model fits from the whole path set: it is never split (its fit could not be merged).
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            var single = new List<int>();
            var blocked = new List<int>();

            Blocks(1, () => new JourneyAttributionCalculator([new CountingModel(single)]).Calculate(s.Framework, s.Movements, s.Events));
            Blocks(4, () => new JourneyAttributionCalculator([new CountingModel(blocked)]).Calculate(s.Framework, s.Movements, s.Events));

            Assert.Equal(2, blocked.Count);
            Assert.Equal(single, blocked);
        }, maxTests: 20);
    }

    [Fact]
    public void Calculate_BadColumnsOnSeveralThreads_ReportsEveryBadRowInOrder()
    {
        JourneyFramework framework = Journeys.Flat(2);
        CustomerId[] customers = [CustomerId.From("a"), CustomerId.From("b")];
        var columns = new AttributionColumns(customers, [], Array.Empty<int>(), new[] { 0, 5, 1, 0, -1 }, new[] { 0, 0, 9, 1, 0 }, new long[5], new[] { ExperienceOutcome.Reliable, ExperienceOutcome.Reliable, ExperienceOutcome.Unknown, (ExperienceOutcome)7, ExperienceOutcome.Reliable });

        CxValidationException ex = Blocks(3, () => Assert.Throws<CxValidationException>(() => new JourneyAttributionCalculator().Calculate(framework, columns)));

        Assert.Equal(
            [(1L, CxErrorCodes.EventUnknownCustomer), (2L, CxErrorCodes.EventUnknownTouchpoint), (3L, CxErrorCodes.EventInvalid), (4L, CxErrorCodes.EventUnknownCustomer)],
            ex.Failures.Select(f => (f.Position!.Value, f.ErrorCode)));
    }

    [Fact]
    public void Calculate_BadEventsOnSeveralThreads_ReportsExactlyWhatOneThreadReports()
    {
        JourneyFramework framework = Journeys.Flat(2);
        NodaTime.Instant at = NodaTime.Instant.FromUtc(2024, 3, 1, 0, 0);
        ExperienceEvent[] invalid =
        [
            new(CustomerId.From("a"), "t0", at, ExperienceOutcome.Reliable),
            new(CustomerId.From("a"), "t9", at, ExperienceOutcome.Reliable),
            new(CustomerId.From("z"), "t1", at, ExperienceOutcome.Unknown),
            new(CustomerId.From("b"), "t1", at, (ExperienceOutcome)7, " "),
            new(CustomerId.From("b"), "t0", at, ExperienceOutcome.Unreliable),
        ];
        List<ExperienceEvent> unknownCustomerOnly = [invalid[0], invalid[2] with { TouchpointId = "t0" }, invalid[4]];
        CustomerId[] known = [CustomerId.From("a"), CustomerId.From("b")];

        Assert.Equal(Failures(framework, known, 1, invalid), Failures(framework, known, 3, invalid));
        Assert.Equal(Failures(framework, known, 1, unknownCustomerOnly), Failures(framework, known, 2, unknownCustomerOnly));
        Assert.Equal("1 Customer CX0605", Failures(framework, known, 2, unknownCustomerOnly));
    }

    /// <summary>The failures of events (no movements) on some blocks, one line each: position, field, code.</summary>
    private static string Failures(JourneyFramework framework, CustomerId[] known, int blocks, IEnumerable<ExperienceEvent> events) => Blocks(blocks, () => string.Join(
        '\n',
        Assert.Throws<CxValidationException>(() => new JourneyAttributionCalculator().Calculate(framework, [], events, knownCustomers: known)).Failures.Select(f => $"{f.Position} {f.Field} {f.ErrorCode}")));

    private static T Blocks<T>(int blocks, Func<T> run)
    {
        int threshold = AttributionEngine.ParallelThreshold;
        AttributionEngine.ParallelThreshold = blocks == 1 ? int.MaxValue : 0;
        AttributionEngine.BlockCountOverride = blocks;
        try
        {
            return run();
        }
        finally
        {
            AttributionEngine.ParallelThreshold = threshold;
            AttributionEngine.BlockCountOverride = null;
        }
    }

    private sealed class CountingModel(List<int> seen) : IAttributionModel
    {
        public AttributionModel Kind => AttributionModel.Linear;

        public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
        {
            seen.Add(paths.PathCount);
            return new LinearModel().Fit(paths, options);
        }
    }
}
