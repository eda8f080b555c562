using System.Collections.Immutable;
using Cx.Domain.Assets;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Samples;

/// <summary>The sample company's customer feedback: complaints, unaided comments and survey responses, consistent with its
/// customers' experiences, its processes and its revenue.</summary>
public sealed partial class SampleCompany
{
    /// <summary>The topic of complaints about slow financing decisions: they spike when the financing process breaks
    /// (<see cref="BreakingStandardId"/>, from the 10th day of the 28th month).</summary>
    public const string FinancingDelayTopic = "financing-delay";

    /// <summary>The topic of complaints about waiting for a test drive: they rise slowly with the drifting test-drive process
    /// (<see cref="DriftingStandardId"/>).</summary>
    public const string TestDriveWaitTopic = "test-drive-wait";

    // Streams 10 and 11: feedback of the customers (per customer) and of the processes' anonymous customers (per process).
    // Streams 1 to 4 are untouched, so the revenue, events and measurements do not change.
    private const ulong CustomerFeedbackStream = 10;
    private const ulong ProcessFeedbackStream = 11;

    private static readonly Lazy<TopicTaxonomy> CarTaxonomy = new(CreateTaxonomy, LazyThreadSafetyMode.ExecutionAndPublication);

    private ImmutableArray<FeedbackSignal>? _feedback;

    /// <summary>Gets the topic taxonomy of the sample's feedback: ten topics of the car journey with their keywords and stage
    /// hints (website, dealer response, test-drive waits, price and offers, financing delays, delivery, service appointments,
    /// repair quality, roadside help, staff).</summary>
    /// <remarks>The same for every instance. About half of the sample's complaints arrive with their topic (a call center's
    /// reason code); the rest are verbatims to tag with <see cref="TopicTagger"/>.</remarks>
    public TopicTaxonomy FeedbackTaxonomy => CarTaxonomy.Value;

    /// <summary>Gets the customers' feedback, ordered by instant: complaints, unaided comments and survey responses.</summary>
    /// <remarks>
    /// <para>Generated on first use from the seed, with random streams of its own (the other data sets do not change).
    /// Consistent with the rest of the company:</para>
    /// <list type="bullet">
    /// <item>After an unreliable experience (<see cref="ExperienceEvents"/>) a customer complains about it 35% of the time,
    /// within three days, about the topic of its touchpoint; after a reliable one, 3% leave a compliment. The processes'
    /// anonymous customers (<see cref="ReliabilityMeasurements"/> without a customer) complain after a quarter of the failed
    /// experiences. So complaints about <see cref="FinancingDelayTopic"/> at the purchase stage spike when financing
    /// approvals break in the 28th month, and complaints about <see cref="TestDriveWaitTopic"/> rise slowly with the
    /// test-drive drift.</item>
    /// <item>Three in ten experiences get a transactional survey answered 20 to 45 days later — so surveys dip a period
    /// after complaints spike: CES after financing, dealer responses, roadside help and test-drive bookings; CSAT (1–5) after
    /// the configurator, delivery and service; NPS after test drives, proposals, renewal offers and check-ins. Failed
    /// experiences get lower scores.</item>
    /// <item>Every six months of their tenure, active customers are asked the relationship NPS (no stage; 40% answer).
    /// Customers who churn within the next six months answer as detractors far more often, so promoters churn less than
    /// detractors.</item>
    /// </list>
    /// <para>Every instant falls within <see cref="Grid"/> (UTC); every signal is valid for <see cref="Journey"/> and
    /// <see cref="FeedbackTaxonomy"/>.</para>
    /// </remarks>
    public IReadOnlyList<FeedbackSignal> Feedback
    {
        get
        {
            _feedback ??= GenerateFeedback();
            return _feedback.Value;
        }
    }

    private static TopicTaxonomy CreateTaxonomy() => TopicTaxonomy.Create(
    [
        new TaxonomyTopic("website", "Website and configurator", ["website", "configurator", "app", "online booking", "page"], ["research"]),
        new TaxonomyTopic("dealer-response", "Dealer responsiveness", ["call back", "called back", "no answer", "respond*", "reply", "replied"], ["research"]),
        new TaxonomyTopic(TestDriveWaitTopic, "Test-drive waits", ["test drive", "test drives"], ["test-drive"]),
        new TaxonomyTopic("price-offer", "Price and offers", ["price*", "expensive", "offer*", "quote"], ["purchase"]),
        new TaxonomyTopic(FinancingDelayTopic, "Financing delays", ["financing", "loan", "credit decision", "approval"], ["purchase"]),
        new TaxonomyTopic("delivery", "Delivery", ["delivery", "handover", "delivered"], ["delivery"]),
        new TaxonomyTopic("service-appointment", "Service appointments", ["appointment*", "service slot"], ["service"]),
        new TaxonomyTopic("repair-quality", "Repair quality", ["repair*", "mechanic*", "still broken", "fixed"], ["service"]),
        new TaxonomyTopic("roadside", "Roadside help", ["roadside", "tow truck", "breakdown", "stranded"], ["service"]),
        new TaxonomyTopic("staff", "Staff", ["friendly", "helpful", "rude", "polite"]),
    ]);

    /// <summary>The voice of each touchpoint: its topic, survey instrument, and what customers write after a failure and a success.</summary>
    private static readonly Dictionary<string, TouchpointVoice> Voices = new(StringComparer.Ordinal)
    {
        ["web-configurator"] = new("website", SurveyInstrument.Csat, ["The configurator page keeps crashing.", "Your website lost my configuration twice.", "The app would not save my car."], ["Lovely configurator, easy to use."]),
        ["dealer-response"] = new("dealer-response", SurveyInstrument.Ces, ["Nobody called back after my enquiry.", "Three days and no answer from the dealer.", "Still waiting for a reply about the car."], ["The dealer replied within the hour."]),
        ["test-drive-booking"] = new("website", SurveyInstrument.Ces, ["The online booking page failed for my test drive.", "Could not book online, the page froze."], ["Online booking took a minute."]),
        ["test-drive"] = new(TestDriveWaitTopic, SurveyInstrument.Nps, ["I waited over two days for my test drive.", "The test drive was postponed again.", "Why does a test-drive take a week to arrange?"], ["Great test drive, thank you."]),
        ["proposal"] = new("price-offer", SurveyInstrument.Nps, ["The offer was far more expensive than quoted.", "Your price changed between two quotes."], ["A fair offer, clearly explained."]),
        ["financing-approval"] = new(FinancingDelayTopic, SurveyInstrument.Ces, ["Still no credit decision after a week.", "The loan approval is taking forever.", "Financing has been pending for days, I may buy elsewhere."], ["Financing was approved the same day."]),
        ["vehicle-delivery"] = new("delivery", SurveyInstrument.Csat, ["The delivery date slipped again.", "Handover was rushed and the car was dirty."], ["A perfect handover, very friendly."]),
        ["service-appointment"] = new("service-appointment", SurveyInstrument.Csat, ["No service slot for three weeks.", "My appointment was cancelled without notice."], ["Easy to get an appointment."]),
        ["service-repair"] = new("repair-quality", SurveyInstrument.Csat, ["The car is still broken after the repair.", "The mechanic did not fix the noise."], ["Repaired quickly and well."]),
        ["roadside-assistance"] = new("roadside", SurveyInstrument.Ces, ["Stranded for three hours waiting for the tow truck.", "Roadside help never came after my breakdown."], ["The roadside team arrived in 20 minutes."]),
        ["lease-renewal-offer"] = new("price-offer", SurveyInstrument.Nps, ["The renewal offer is too expensive.", "Your renewal price went up again."], ["A generous renewal offer."]),
        ["loyalty-check-in"] = new("staff", SurveyInstrument.Nps, ["The agent on the check-in call was rude."], ["Such a friendly and helpful check-in call."]),
    };

    private ImmutableArray<FeedbackSignal> GenerateFeedback()
    {
        Instant gridStart = Grid.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        Instant gridEnd = Grid.End.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var signals = new List<FeedbackSignal>();
        void Keep(FeedbackSignal signal)
        {
            // Experiences before the first month (the history of the first customers) and answers after the last are not kept.
            if (signal.At >= gridStart && signal.At < gridEnd)
            {
                signals.Add(signal);
            }
        }

        // The customers' feedback on their experiences, and their relationship NPS.
        var index = Customers.ToDictionary(c => c.Id, c => c.Index);
        ILookup<int, ExperienceEvent> eventsByCustomer = ExperienceEvents.ToLookup(e => index[e.Customer]);
        ILookup<int, CustomerMovement> movementsByCustomer = new AssetMovementCalculator().CustomerMovements(RevenueLedger(), includeFlat: true).ToLookup(m => index[m.Customer]);
        foreach (SampleCustomer customer in Customers)
        {
            SampleRandom random = SampleRandom.ForStream(Seed, CustomerFeedbackStream, (ulong)customer.Index);
            foreach (ExperienceEvent e in eventsByCustomer[customer.Index])
            {
                Voice(random, e.TouchpointId, e.At, e.Outcome, e.Customer, complaintPerMille: 350, Keep);
            }

            RelationshipNps(random, customer, movementsByCustomer[customer.Index].ToList(), Keep);
        }

        // The processes' anonymous customers.
        for (int s = 0; s < Processes.Length; s++)
        {
            ProcessSpec process = Processes[s];
            SampleRandom random = SampleRandom.ForStream(Seed, ProcessFeedbackStream, (ulong)s);
            foreach (ReliabilityMeasurement m in ReliabilityMeasurements)
            {
                if (m.Customer is null && m.SubjectId == process.Id)
                {
                    ExperienceOutcome outcome = m.Value > process.Threshold ? ExperienceOutcome.Unreliable : ExperienceOutcome.Reliable;
                    Voice(random, process.Touchpoint, m.At, outcome, customer: null, complaintPerMille: 250, Keep);
                }
            }
        }

        // Order by instant; ties keep the generation order (deterministic).
        return [.. signals.Select((s, i) => (s, i)).OrderBy(x => x.s.At).ThenBy(x => x.i).Select(x => x.s)];
    }

    /// <summary>What a customer may say after one experience: a complaint or a compliment, and a survey response.</summary>
    private static void Voice(SampleRandom random, string touchpoint, Instant at, ExperienceOutcome outcome, CustomerId? customer, int complaintPerMille, Action<FeedbackSignal> keep)
    {
        TouchpointVoice voice = Voices[touchpoint];
        bool failed = outcome == ExperienceOutcome.Unreliable;
        if (failed && random.Chance(complaintPerMille))
        {
            FeedbackSource source = Pick(random, [(400, FeedbackSource.CallCenter), (200, FeedbackSource.Email), (200, FeedbackSource.Store), (100, FeedbackSource.Chat), (100, FeedbackSource.Social)]);
            bool reasonCoded = random.Chance(500);
            keep(new FeedbackSignal(at + Duration.FromMinutes(random.NextInt(30, 72 * 60)), source, FeedbackKind.Complaint)
            {
                Customer = customer,
                TouchpointId = touchpoint,
                Topics = reasonCoded ? [voice.Topic] : [],
                Text = voice.Complaints[random.NextInt(voice.Complaints.Length)],
                Sentiment = -(40 + random.NextInt(61)) / 100.0,
            });
        }
        else if (!failed && random.Chance(outcome == ExperienceOutcome.Reliable ? 30 : 20))
        {
            bool question = outcome == ExperienceOutcome.Unknown;
            keep(new FeedbackSignal(at + Duration.FromMinutes(random.NextInt(30, 72 * 60)), Pick(random, [(500, FeedbackSource.Web), (300, FeedbackSource.Store), (200, FeedbackSource.Social)]), FeedbackKind.Unaided)
            {
                Customer = customer,
                TouchpointId = touchpoint,
                Text = question ? "Who do I talk to about my contract?" : voice.Compliments[random.NextInt(voice.Compliments.Length)],
                Sentiment = question ? null : (30 + random.NextInt(71)) / 100.0,
            });
        }

        if (random.Chance(300))
        {
            Instant answered = at + Duration.FromDays(random.NextInt(20, 45)) + Duration.FromMinutes(random.NextInt(24 * 60));
            keep(new FeedbackSignal(answered, FeedbackSource.Survey, FeedbackKind.Survey)
            {
                Customer = customer,
                TouchpointId = touchpoint,
                Survey = Score(random, voice.Instrument, happy: !failed),
            });
        }
    }

    /// <summary>The relationship NPS every six months of tenure while active; those who churn within six months score low.</summary>
    private void RelationshipNps(SampleRandom random, SampleCustomer customer, List<CustomerMovement> movements, Action<FeedbackSignal> keep)
    {
        var active = new HashSet<int>(movements.Where(m => m.Class is not MovementClass.Churned and not MovementClass.None).Select(m => m.Period.Index));
        var churns = movements.Where(m => m.Class == MovementClass.Churned).Select(m => m.Period.Index).ToArray();
        int first = Grid.IndexOf(customer.AcquiredOn);
        for (int month = first + 6; month < MonthCount; month += 6)
        {
            if (!active.Contains(month) || !random.Chance(400))
            {
                continue;
            }

            bool leaving = churns.Any(c => c > month && c <= month + 6);
            LocalDate day = Grid[month].Start.PlusDays(random.NextInt(0, 27));
            keep(new FeedbackSignal(day.At(new LocalTime(random.NextInt(7, 21), random.NextInt(0, 59))).InUtc().ToInstant(), FeedbackSource.Email, FeedbackKind.Survey)
            {
                Customer = customer.Id,
                Survey = Score(random, SurveyInstrument.Nps, happy: !leaving),
            });
        }
    }

    /// <summary>A survey score from a happy or an unhappy customer.</summary>
    private static SurveyAnswer Score(SampleRandom random, SurveyInstrument instrument, bool happy) => instrument switch
    {
        SurveyInstrument.Nps => SurveyAnswer.Nps(happy
            ? Pick(random, [(300, 10), (250, 9), (180, 8), (120, 7), (70, 6), (40, 5), (40, 3)])
            : Pick(random, [(80, 10), (70, 9), (120, 8), (130, 7), (200, 6), (200, 4), (200, 2)])),
        SurveyInstrument.Csat => SurveyAnswer.Csat(happy
            ? Pick(random, [(450, 5), (350, 4), (120, 3), (50, 2), (30, 1)])
            : Pick(random, [(80, 5), (150, 4), (270, 3), (250, 2), (250, 1)])),
        _ => SurveyAnswer.Ces(happy
            ? Pick(random, [(350, 7), (300, 6), (180, 5), (90, 4), (40, 3), (20, 2), (20, 1)])
            : Pick(random, [(40, 7), (80, 6), (120, 5), (180, 4), (200, 3), (200, 2), (180, 1)])),
    };

    /// <summary>Picks a value with weights in thousandths (they sum to 1000).</summary>
    private static T Pick<T>(SampleRandom random, (int PerMille, T Value)[] choices)
    {
        int r = random.NextInt(1000);
        foreach ((int perMille, T value) in choices)
        {
            r -= perMille;
            if (r < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private sealed record TouchpointVoice(string Topic, SurveyInstrument Instrument, string[] Complaints, string[] Compliments);
}
