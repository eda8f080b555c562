using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Samples;
using NodaTime;

namespace Cx.Domain.Tests.Samples;

public sealed class SampleCompanyJourneyTests
{
    private static readonly SampleCompany Company = SampleCompany.Generate(new SampleCompanyOptions { CustomerCount = 600, MonthCount = 18 });

    [Fact]
    public void Journey_Always_HasTheAgreedStagesTouchpointsCategoriesAndOwners()
    {
        JourneyFramework journey = Company.Journey;

        Assert.Equal(["research", "test-drive", "purchase", "delivery", "service", "renewal"], journey.Stages.Select(s => s.Id));
        Assert.Equal(
            ["web-configurator", "dealer-response", "test-drive-booking", "test-drive", "proposal", "financing-approval", "vehicle-delivery", "service-appointment", "service-repair", "roadside-assistance", "lease-renewal-offer", "loyalty-check-in"],
            journey.Touchpoints.Select(t => t.Id));
        Assert.Equal(4, journey.Touchpoints.Select(t => t.Category).Distinct().Count());
        Assert.Subset(new HashSet<string> { "Digital", "Dealer network", "Sales operations", "Finance", "Logistics", "Aftersales", "Customer care" }, journey.Touchpoints.Select(t => t.Owner).ToHashSet());
        Assert.InRange(journey.Touchpoints.Count(t => t.IsMomentOfTruth), 2, 6);
        Assert.Equal(JourneyJson.Write(journey), JourneyJson.Write(JourneyJson.Parse(JourneyJson.Write(journey))));
    }

    [Fact]
    public void ExperienceEvents_SameSeed_AreIdenticalAndValidForTheLedger()
    {
        SampleCompany again = SampleCompany.Generate(new SampleCompanyOptions { CustomerCount = 600, MonthCount = 18 });

        Assert.Equal(Company.ExperienceEvents, again.ExperienceEvents);
        Assert.True(Company.ExperienceEvents.Count > 1000, $"{Company.ExperienceEvents.Count} events");
        AttributionResult result = new JourneyAttributionCalculator().Calculate(Company.Journey, Company.RevenueLedger(), Company.ExperienceEvents);
        Assert.True(result.Touchpoints.Sum(t => t.EarnedValue) > result.Unattributed.EarnedValue);
    }

    [Fact]
    public void ExperienceEvents_UnreliableExposure_GoesWithMoreChurnAndContraction()
    {
        IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(Company.RevenueLedger(), includeFlat: true);
        ILookup<Cx.Domain.Primitives.CustomerId, ExperienceEvent> unreliable = Company.ExperienceEvents.Where(e => e.Outcome == ExperienceOutcome.Unreliable).ToLookup(e => e.Customer);
        int exposed = 0, exposedLosses = 0, other = 0, otherLosses = 0;
        foreach (CustomerMovement m in movements.Where(m => m.Class != MovementClass.New && m.Class != MovementClass.Reactivated))
        {
            Instant end = DateTimeZone.Utc.AtStartOfDay(m.Period.End.PlusDays(1)).ToInstant();
            bool hit = unreliable[m.Customer].Any(e => e.At < end && e.At >= end - Duration.FromDays(90));
            if (hit)
            {
                exposed++;
                exposedLosses += m.IsLoss ? 1 : 0;
            }
            else
            {
                other++;
                otherLosses += m.IsLoss ? 1 : 0;
            }
        }

        double exposedRate = (double)exposedLosses / exposed;
        double otherRate = (double)otherLosses / other;
        Assert.True(exposedRate > 2 * otherRate, $"loss rate {exposedRate:P1} with unreliable touches, {otherRate:P1} without");
    }
}
