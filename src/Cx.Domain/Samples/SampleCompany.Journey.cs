using System.Collections.Immutable;
using Cx.Domain.Assets;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Samples;

/// <summary>The sample company's car-buying journey and its customers' experience events.</summary>
public sealed partial class SampleCompany
{
    // Stream 3: experience events. The revenue (streams 1 and 2) is untouched, so its checksum does not change.
    private const ulong JourneyStream = 3;

    private static readonly Lazy<JourneyFramework> CarJourney = new(CreateJourney, LazyThreadSafetyMode.ExecutionAndPublication);

    private Lazy<ImmutableArray<ExperienceEvent>>? _experienceEvents;
    private ImmutableArray<ReliabilityMeasurement> _eventMeasurements = [];

    /// <summary>Gets the sample company's journey: a car-buying journey of six stages (research, test drive, purchase,
    /// delivery, service, renewal) and twelve touchpoints with their categories, owners and moments of truth.</summary>
    /// <remarks>The stage and touchpoint ids are stable: other modules' samples (reliability standards) use them. The journey
    /// does not depend on the options, so every instance returns the same framework.</remarks>
    public JourneyFramework Journey => CarJourney.Value;

    /// <summary>Gets the customers' experience events, derived from their movements with a separate random stream.</summary>
    /// <remarks>
    /// Deterministic for a seed. Before each movement (in the 75 days before the end of its month) the customer meets the
    /// touchpoints that fit it: new customers research, test-drive, buy and take delivery; reactivated ones get a renewal
    /// offer and a proposal; expanding ones a renewal offer, a check-in or a service visit; contracting and churning ones
    /// service, repair, roadside assistance or a dealer response — at unmeasured touchpoints unreliable 60% of the time,
    /// against 8% to 10% elsewhere, so customers who met unreliable touchpoints churn and contract more often. At the six
    /// touchpoints with a reliability standard the experience is a measurement of the process behind it (see
    /// <see cref="ReliabilityMeasurements"/>): it is unreliable exactly when that value fails the standard, so the drifting
    /// test drives and the broken financing approvals show in the events too. Ordered by instant, then customer id.
    /// </remarks>
    public IReadOnlyList<ExperienceEvent> ExperienceEvents =>
        LazyInitializer.EnsureInitialized(ref _experienceEvents, () => new Lazy<ImmutableArray<ExperienceEvent>>(GenerateEvents, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static JourneyFramework CreateJourney() => JourneyFramework.Create(
        "Car buyers",
        [
            new JourneyStage("research", "Research", 1, "Finding and configuring the car."),
            new JourneyStage("test-drive", "Test drive", 2),
            new JourneyStage("purchase", "Purchase", 3, "Proposal and financing."),
            new JourneyStage("delivery", "Delivery", 4),
            new JourneyStage("service", "Service", 5, "Maintenance, repairs and help on the road."),
            new JourneyStage("renewal", "Renewal", 6, "The next lease or purchase."),
        ],
        [
            new Touchpoint("web-configurator", "Web configurator", "research", TouchpointCategory.EarningTheRightToGrowth, "Digital"),
            new Touchpoint("dealer-response", "Dealer response to an enquiry", "research", TouchpointCategory.RespondingToCustomerNeeds, "Dealer network"),
            new Touchpoint("test-drive-booking", "Test-drive booking", "test-drive", TouchpointCategory.RespondingToCustomerNeeds, "Digital"),
            new Touchpoint("test-drive", "Test drive", "test-drive", TouchpointCategory.EarningTheRightToGrowth, "Dealer network", isMomentOfTruth: true),
            new Touchpoint("proposal", "Proposal", "purchase", TouchpointCategory.EarningTheRightToGrowth, "Sales operations", isMomentOfTruth: true),
            new Touchpoint("financing-approval", "Financing approval", "purchase", TouchpointCategory.RespondingToCustomerNeeds, "Finance"),
            new Touchpoint("vehicle-delivery", "Vehicle delivery", "delivery", TouchpointCategory.IncreasingTheBond, "Logistics", isMomentOfTruth: true),
            new Touchpoint("service-appointment", "Service appointment", "service", TouchpointCategory.RespondingToCustomerNeeds, "Aftersales"),
            new Touchpoint("service-repair", "Service repair", "service", TouchpointCategory.RespondingToCustomerNeeds, "Aftersales", isMomentOfTruth: true),
            new Touchpoint("roadside-assistance", "Roadside assistance", "service", TouchpointCategory.ManagingCustomersAtRisk, "Customer care", isMomentOfTruth: true),
            new Touchpoint("lease-renewal-offer", "Lease renewal offer", "renewal", TouchpointCategory.EarningTheRightToGrowth, "Sales operations"),
            new Touchpoint("loyalty-check-in", "Loyalty check-in", "renewal", TouchpointCategory.ManagingCustomersAtRisk, "Customer care"),
        ]);

    private static readonly string[] NewPath = ["web-configurator", "dealer-response", "test-drive-booking", "test-drive", "proposal", "financing-approval", "vehicle-delivery"];
    private static readonly string[] ReactivatedPath = ["lease-renewal-offer", "dealer-response", "proposal"];
    private static readonly string[] ExpansionTouches = ["lease-renewal-offer", "loyalty-check-in", "service-appointment", "proposal"];
    private static readonly string[] LossTouches = ["service-repair", "roadside-assistance", "service-appointment", "dealer-response", "financing-approval"];
    private static readonly string[] RoutineTouches = ["service-appointment", "service-repair", "loyalty-check-in"];

    private ImmutableArray<ExperienceEvent> GenerateEvents()
    {
        IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(RevenueLedger(), includeFlat: true);
        var index = Customers.ToDictionary(c => c.Id, c => c.Index);
        var byCustomer = movements.GroupBy(m => index[m.Customer]).OrderBy(g => g.Key);
        var events = new List<(ExperienceEvent Event, int Customer)>();
        var measured = new List<ReliabilityMeasurement>();
        foreach (IGrouping<int, CustomerMovement> customer in byCustomer)
        {
            SampleRandom random = SampleRandom.ForStream(Seed, JourneyStream, (ulong)customer.Key);
            foreach (CustomerMovement m in customer)
            {
                switch (m.Class)
                {
                    case MovementClass.New:
                        int skip = random.NextInt(3);
                        for (int i = 0; i < NewPath.Length; i++)
                        {
                            if (i != skip || random.Chance(500))
                            {
                                Add(NewPath[i], 75 - (i * 10), 100);
                            }
                        }

                        break;
                    case MovementClass.Reactivated:
                        foreach (string t in ReactivatedPath)
                        {
                            Add(t, random.NextInt(0, 60), 100);
                        }

                        break;
                    case MovementClass.Expansion:
                        for (int n = random.NextInt(1, 3); n > 0; n--)
                        {
                            Add(ExpansionTouches[random.NextInt(ExpansionTouches.Length)], random.NextInt(0, 75), 80);
                        }

                        break;
                    case MovementClass.Contraction:
                    case MovementClass.Churned:
                        for (int n = random.NextInt(1, 3); n > 0; n--)
                        {
                            Add(LossTouches[random.NextInt(LossTouches.Length)], random.NextInt(0, 75), 600);
                        }

                        break;
                    case MovementClass.Flat when random.Chance(250):
                        Add(RoutineTouches[random.NextInt(RoutineTouches.Length)], random.NextInt(0, 75), 80);
                        break;
                    default:
                        break;
                }

                void Add(string touchpoint, int daysBeforeEnd, int unreliablePerMille)
                {
                    // A company whose data start in the year 1 meets its customers no earlier than the supported range.
                    LocalDate day = LocalDate.Max(m.Period.End.PlusDays(-Math.Max(0, daysBeforeEnd)), SupportedRange.FirstDate);
                    LocalDateTime at = day.At(new LocalTime(random.NextInt(8, 18), random.NextInt(0, 59)));
                    ExperienceOutcome outcome;
                    if (ProcessAt(touchpoint) is { } process)
                    {
                        // A measured touchpoint: the experience is one measurement of its process (with the process's
                        // drift or break), and the outcome follows the value.
                        double value = DrawProcessValue(process, at.Date, random);
                        outcome = value > process.Threshold ? ExperienceOutcome.Unreliable : ExperienceOutcome.Reliable;
                        measured.Add(new ReliabilityMeasurement(process.Id, at.InUtc().ToInstant(), value, m.Customer));
                    }
                    else
                    {
                        outcome = random.Chance(unreliablePerMille) ? ExperienceOutcome.Unreliable
                            : random.Chance(50) ? ExperienceOutcome.Unknown : ExperienceOutcome.Reliable;
                    }

                    string? channel = touchpoint is "web-configurator" or "test-drive-booking" ? "web" : touchpoint == "roadside-assistance" ? "phone" : "dealer";
                    events.Add((new ExperienceEvent(m.Customer, touchpoint, at.InUtc().ToInstant(), outcome, channel), customer.Key));
                }
            }
        }

        _eventMeasurements = [.. measured];
        return events
            .OrderBy(e => e.Event.At).ThenBy(e => e.Customer).ThenBy(e => e.Event.TouchpointId, StringComparer.Ordinal)
            .Select(e => e.Event)
            .ToImmutableArray();
    }
}
