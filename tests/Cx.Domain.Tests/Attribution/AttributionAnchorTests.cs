using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using NodaTime;

namespace Cx.Domain.Tests.Attribution;

/// <summary>The data-driven models against the field's anchors: ChannelAttribution's pooled Markov allocation and the Shapley
/// value function of Zhao et al. (2018), beside the library's own defaults, on reference figures computed independently.</summary>
/// <remarks>The reference figures come from References/anchors.py, written from the published definitions in exact rational
/// arithmetic: <c>/usr/bin/python3 tests/Cx.Domain.Tests/Attribution/References/anchors.py</c>.</remarks>
public sealed class AttributionAnchorTests
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31));

    /// <summary>Twelve March paths over the small journey (research: web, dealer; purchase: proposal; service: repair,
    /// check-in): a gain's value, or null for a customer who touched and did not move. The same as anchors.py.</summary>
    private static readonly (string[] Path, long? Gain)[] Paths =
    [
        (["web", "proposal"], 900),
        (["web"], 300),
        (["dealer"], null),
        (["web", "dealer"], null),
        (["web", "dealer", "proposal"], 1250),
        (["proposal", "repair"], 480),
        (["repair"], null),
        (["check-in", "web", "proposal"], 777),
        (["dealer", "dealer", "check-in"], null),
        (["web", "check-in"], 150),
        (["proposal"], null),
        (["repair", "check-in"], 333),
    ];

    private static readonly string[] Touchpoints = ["web", "dealer", "proposal", "repair", "check-in"];

    [Fact]
    public void Markov_ReferencePaths_RemovalEffectsAndBothAllocationsMatchTheExactReference()
    {
        AttributionResult perPath = Run(new AttributionOptions { Model = AttributionModel.MarkovChain });
        AttributionResult pooled = Run(new AttributionOptions { Model = AttributionModel.MarkovChain, MarkovAllocation = MarkovAllocation.Pooled });

        // anchors.py: P(conversion) = 7/12; RE web 1/2, dealer 458/2401, proposal 68/135, repair 74/315, check-in 22/63.
        double[] effects = [1.0 / 2, 458.0 / 2401, 68.0 / 135, 74.0 / 315, 22.0 / 63];
        Assert.All(Touchpoints.Zip(effects), x => Assert.Equal(x.Second, Score(perPath, x.First), 12));
        Assert.Equal([1646L, 200, 1595, 287, 462], Earned(perPath));

        // ChannelAttribution's total_conversion_value: the 4,190 of gains shared by the weights RE / Σ RE over every touchpoint.
        Assert.Equal([1178L, 449, 1187, 553, 823], Earned(pooled));
        Assert.Equal(perPath.Scores.Select(s => s.ToString()), pooled.Scores.Select(s => s.ToString()));
        Assert.Equal(4190, Earned(pooled).Sum());
    }

    [Theory]
    [InlineData(ShapleyPlayers.Stages, ShapleyValueFunction.ConversionRate, new[] { "53/252", "5/63", "37/126" }, new[] { 1750L, 454, 797, 545, 644 })]
    [InlineData(ShapleyPlayers.Stages, ShapleyValueFunction.ConversionCount, new[] { "17/6", "11/6", "7/3" }, new[] { 1623L, 379, 1259, 436, 493 })]
    [InlineData(ShapleyPlayers.Touchpoints, ShapleyValueFunction.ConversionRate, new[] { "1453/2800", "-3863/25200", "277/4200", "1457/25200", "263/2800" }, new[] { 2929L, 0, 573, 351, 337 })]
    [InlineData(ShapleyPlayers.Touchpoints, ShapleyValueFunction.ConversionCount, new[] { "8/3", "1/3", "5/3", "1/1", "4/3" }, new[] { 2034L, 89, 1321, 323, 423 })]
    public void Shapley_ReferencePaths_ValuesAndCreditsMatchTheExactReference(ShapleyPlayers players, ShapleyValueFunction valueFunction, string[] phi, long[] earned)
    {
        AttributionResult result = Run(new AttributionOptions { Model = AttributionModel.Shapley, ShapleyPlayers = players, ShapleyValueFunction = valueFunction });

        PlayerScore[] gains = [.. result.Scores.Where(s => s.Direction == AttributionDirection.Gains)];
        Assert.Equal(phi.Select(Fraction), gains.Select(s => s.Score), new Tolerance(1e-12));
        Assert.Equal(earned, Earned(result));
    }

    [Fact]
    public void Shapley_ConversionCount_ReproducesThePublishedThreeChannelExample()
    {
        // The worked example of "Data-driven marketing attribution" (towardsdatascience.com; notebook in github.com/tomgorb/misc):
        // 100 converting users, 20 Facebook only, 10 Organic only, 17 LinkedIn only, 17 Facebook + Organic, 30 Facebook +
        // LinkedIn, 6 all three. With v(S) = conversions of users whose channels all lie in S (Zhao et al. 2018), the
        // published Shapley values are Facebook 45.5, Organic 20.5, LinkedIn 34 (= Σ over channel sets of conversions / |set|).
        JourneyFramework framework = Journeys.Flat(3);
        (string[] Channels, int Users)[] groups = [(["t0"], 20), (["t1"], 10), (["t2"], 17), (["t0", "t1"], 17), (["t0", "t2"], 30), (["t0", "t1", "t2"], 6)];
        var movements = new List<CustomerMovement>();
        var events = new List<ExperienceEvent>();
        int user = 0;
        foreach ((string[] channels, int users) in groups)
        {
            for (int u = 0; u < users; u++, user++)
            {
                var id = CustomerId.From("u" + user.ToString("D3", CultureInfo.InvariantCulture));
                movements.Add(new CustomerMovement(id, Grid[2], MovementClass.New, 0, 100, null));
                events.AddRange(channels.Select((c, i) => new ExperienceEvent(id, c, Instant.FromUtc(2024, 3, 1 + i, 0, 0), ExperienceOutcome.Reliable)));
            }
        }

        AttributionResult result = new JourneyAttributionCalculator().Calculate(framework, movements, events,
            new AttributionOptions { Model = AttributionModel.Shapley, ShapleyPlayers = ShapleyPlayers.Touchpoints, ShapleyValueFunction = ShapleyValueFunction.ConversionCount });

        Assert.Equal([45.5, 20.5, 34], result.Scores.Where(s => s.Direction == AttributionDirection.Gains).Select(s => s.Score), new Tolerance(1e-9));
    }

    [Fact]
    public void MarkovPooled_ReproducesTheChannelAttributionPortExample()
    {
        // pychattr (github.com/jmwoloso/pychattr), a Python port of ChannelAttribution, documents three converting paths
        // A>B>A>B>B>A, A>B>B>A>A and A>A with one conversion each, and reports total_conversions A 1.991106, B 1.008894 from
        // 10,000 simulations. The exact chain gives removal effects A 1 and B 1/2, weights 2/3 and 1/3: A 2, B 1 conversions;
        // with one dollar a path, 2.00 and 1.00.
        JourneyFramework framework = Journeys.Flat(2);
        string[][] paths = [["t0", "t1", "t0", "t1", "t1", "t0"], ["t0", "t1", "t1", "t0", "t0"], ["t0", "t0"]];
        CustomerMovement[] movements = [.. paths.Select((_, i) => new CustomerMovement(CustomerId.From("p" + i.ToString(CultureInfo.InvariantCulture)), Grid[2], MovementClass.New, 0, 100, null))];
        ExperienceEvent[] events = [.. paths.SelectMany((path, i) => path.Select((t, k) => new ExperienceEvent(movements[i].Customer, t, Instant.FromUtc(2024, 3, 1, k, 0), ExperienceOutcome.Reliable)))];

        AttributionResult result = new JourneyAttributionCalculator().Calculate(framework, movements, events, new AttributionOptions { Model = AttributionModel.MarkovChain, MarkovAllocation = MarkovAllocation.Pooled });

        Assert.Equal([200L, 100L], result.Touchpoints.Select(t => t.EarnedValue));
        Assert.Equal([1.0, 0.5], result.Scores.Where(s => s.Direction == AttributionDirection.Gains).Select(s => s.Score), new Tolerance(1e-12));
    }

    [Fact]
    public void MarkovPooled_WorkedExampleOfTheDocs_SharesTheTotalByTheGlobalWeights()
    {
        // docs/concepts/journey-and-attribution.md: weights web 2/3, proposal 1/3, dealer 0. Per path: c1's 900 splits 600 /
        // 300, c2's 300 goes to web: web 900, proposal 300. Pooled: the 1,200 shared 2/3 : 1/3: web 800, proposal 400.
        (string[] Path, long? Gain)[] paths = [(["web", "proposal"], 900), (["web"], 300), (["dealer"], null), (["web", "dealer"], null)];

        AttributionResult perPath = Run(new AttributionOptions { Model = AttributionModel.MarkovChain, IncludeMovementCredits = true }, paths);
        AttributionResult pooled = Run(new AttributionOptions { Model = AttributionModel.MarkovChain, MarkovAllocation = MarkovAllocation.Pooled, IncludeMovementCredits = true }, paths);

        Assert.Equal([900L, 0, 300, 0, 0], Earned(perPath));
        Assert.Equal([800L, 0, 400, 0, 0], Earned(pooled));
        Assert.Equal([800L, 400L], pooled.Stages.Take(2).Select(s => s.EarnedValue));
        Assert.Equal([800L, 400L], pooled.Bridge.Single().Stages.Take(2).Select(s => s.EarnedValue));

        // The drill-down of a pooled movement shares its value over every weighted touchpoint: c2's 300 → web 200, proposal 100.
        MovementCredit c2 = pooled.MovementCredits.Single(c => c.Movement.Customer.Value == "c02");
        Assert.Equal(["web 200", "proposal 100"], c2.Shares.Select(s => s.ToString()));

        // Counts stay per path: web counts both movements, proposal only c1's.
        Assert.Equal([2L, 0, 1, 0, 0], pooled.Touchpoints.Select(t => t.GainCount));
    }

    [Fact]
    public void Shapley_WorkedExampleOfTheDocs_BothValueFunctionsSideBySide()
    {
        // docs/concepts/journey-and-attribution.md: over stages, the conversion rate gives research 1050, purchase 150;
        // Zhao et al.'s conversion count gives φ(research) = 1 + 1/2 = 3/2, φ(purchase) = 1/2: weights 3/4 and 1/4, c1's 900
        // splits 675 / 225: research 975, purchase 225.
        (string[] Path, long? Gain)[] paths = [(["web", "proposal"], 900), (["web"], 300), (["dealer"], null), (["web", "dealer"], null)];

        AttributionResult rate = Run(new AttributionOptions { Model = AttributionModel.Shapley }, paths);
        AttributionResult count = Run(new AttributionOptions { Model = AttributionModel.Shapley, ShapleyValueFunction = ShapleyValueFunction.ConversionCount }, paths);

        Assert.Equal([1050L, 150, 0], rate.Stages.Select(s => s.EarnedValue));
        Assert.Equal([975L, 225, 0], count.Stages.Select(s => s.EarnedValue));
        Assert.Equal([1.5, 0.5], count.Scores.Where(s => s.Direction == AttributionDirection.Gains).Select(s => s.Score), new Tolerance(1e-12));

        // Over touchpoints: the rate gives web 836 + 300, proposal 64 (dealer's negative value clamped); the count gives
        // φ(web) = 1 + 1/2, φ(proposal) = 1/2, φ(dealer) = 0 (on no converting path): web 675 + 300, proposal 225.
        AttributionResult rateByTouchpoint = Run(new AttributionOptions { Model = AttributionModel.Shapley, ShapleyPlayers = ShapleyPlayers.Touchpoints }, paths);
        AttributionResult countByTouchpoint = Run(new AttributionOptions { Model = AttributionModel.Shapley, ShapleyPlayers = ShapleyPlayers.Touchpoints, ShapleyValueFunction = ShapleyValueFunction.ConversionCount }, paths);
        Assert.Equal([1136L, 0, 64, 0, 0], Earned(rateByTouchpoint));
        Assert.Equal([975L, 0, 225, 0, 0], Earned(countByTouchpoint));
        Assert.Equal([1.5, 0, 0.5], countByTouchpoint.Scores.Where(s => s.Direction == AttributionDirection.Gains).Select(s => s.Score), new Tolerance(1e-12));
    }

    private static double Fraction(string text)
    {
        string[] parts = text.Split('/');
        return double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private static double Score(AttributionResult result, string player) =>
        result.Scores.Single(s => s.Direction == AttributionDirection.Gains && s.PlayerId == player).Score;

    private static long[] Earned(AttributionResult result) => [.. result.Touchpoints.Select(t => t.EarnedValue)];

    /// <summary>Each path as one customer's March touches (one a day, in order) and, for a gain, a new-customer movement.</summary>
    private static AttributionResult Run(AttributionOptions options, (string[] Path, long? Gain)[]? paths = null)
    {
        paths ??= Paths;
        var movements = new List<CustomerMovement>();
        var events = new List<ExperienceEvent>();
        for (int c = 0; c < paths.Length; c++)
        {
            var id = CustomerId.From("c" + (c + 1).ToString("D2", CultureInfo.InvariantCulture));
            if (paths[c].Gain is long gain)
            {
                movements.Add(new CustomerMovement(id, Grid[2], MovementClass.New, 0, gain, null));
            }

            events.AddRange(paths[c].Path.Select((t, i) => new ExperienceEvent(id, t, Instant.FromUtc(2024, 3, 1 + i, 0, 0), ExperienceOutcome.Reliable)));
        }

        return new JourneyAttributionCalculator().Calculate(Journeys.Small(), movements, events, options);
    }

    /// <summary>Compares doubles to a number of decimal places.</summary>
    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
