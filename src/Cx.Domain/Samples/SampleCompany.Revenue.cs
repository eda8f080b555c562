using System.Collections.Immutable;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Samples;

/// <content>The revenue records: a month-by-month simulation of each customer's fleet lease (a "seat" below is one leased
/// car, the platform fee the fleet-management fee, overage the excess-mileage charge).</content>
public sealed partial class SampleCompany
{
    /// <summary>Chances are per mille per month; prices in cents per seat per month.</summary>
    private static readonly RevenueProfile EnterpriseProfile = new(MinSeats: 61, MaxSeats: 400, SeatPrice: 1_900, PlatformFee: 50_000, Churn: 7, Expansion: 45, Contraction: 30, Overage: 80);
    private static readonly RevenueProfile MidMarketProfile = new(MinSeats: 6, MaxSeats: 60, SeatPrice: 2_400, PlatformFee: 0, Churn: 14, Expansion: 40, Contraction: 25, Overage: 80);
    private static readonly RevenueProfile SmallBusinessProfile = new(MinSeats: 1, MaxSeats: 5, SeatPrice: 2_900, PlatformFee: 0, Churn: 28, Expansion: 25, Contraction: 15, Overage: 0);

    /// <summary>Per mille, per month: a churned customer who may come back does so.</summary>
    private const int ReactivationChance = 80;

    /// <summary>Per mille, on churn: the customer is gone for good.</summary>
    private const int GoneForGoodChance = 500;

    /// <summary>Per mille, per active month: part of the month's charge is refunded.</summary>
    private const int RefundChance = 15;

    private ImmutableArray<AssetRecord> GenerateRevenue()
    {
        var rows = new List<RevenueRow>(Customers.Count * 24);
        foreach (SampleCustomer customer in Customers)
        {
            SimulateRevenue(customer, rows);
        }

        RevenueRow[] sorted = rows.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            int byDate = a.Date.CompareTo(b.Date);
            if (byDate != 0)
            {
                return byDate;
            }

            int byCustomer = a.Customer.CompareTo(b.Customer);
            return byCustomer != 0 ? byCustomer : a.Sequence.CompareTo(b.Sequence);
        });

        var records = ImmutableArray.CreateBuilder<AssetRecord>(sorted.Length);
        foreach (RevenueRow row in sorted)
        {
            SampleCustomer customer = Customers[row.Customer];
            records.Add(new AssetRecord(customer.Id, row.Date, Money.FromMinorUnits(row.Cents, Currency), customer.Segment));
        }

        return records.MoveToImmutable();
    }

    private void SimulateRevenue(SampleCustomer customer, List<RevenueRow> rows)
    {
        SampleRandom random = SampleRandom.ForStream(Seed, RevenueStream, (ulong)customer.Index);
        RevenueProfile profile = customer.Segment switch
        {
            EnterpriseSegment => EnterpriseProfile,
            MidMarketSegment => MidMarketProfile,
            _ => SmallBusinessProfile,
        };

        LocalDate gridStart = FirstMonth.OnDayOfMonth(1);
        int firstMonth = ((customer.AcquiredOn.Year - gridStart.Year) * 12) + customer.AcquiredOn.Month - gridStart.Month;
        int billingDay = customer.AcquiredOn.Day;
        long seats = random.NextInt(profile.MinSeats, profile.MaxSeats);
        long seatPrice = profile.SeatPrice;
        bool active = true;
        bool goneForGood = false;
        int tenure = 0;
        int sequence = 0;
        for (int m = firstMonth; m < MonthCount; m++)
        {
            if (!active)
            {
                if (goneForGood || !random.Chance(ReactivationChance))
                {
                    continue;
                }

                // Back, usually with fewer seats than when they left.
                active = true;
                seats = Math.Max(1, seats * random.NextInt(50, 100) / 100);
            }

            tenure++;
            if (tenure > 1 && (tenure - 1) % 12 == 0)
            {
                seatPrice = seatPrice * 103 / 100; // the anniversary price uplift
            }

            LocalDate monthStart = gridStart.PlusMonths(m);
            LocalDate chargeDate = monthStart.PlusDays(billingDay - 1);
            long charge = (seats * seatPrice) + profile.PlatformFee;
            rows.Add(new RevenueRow(chargeDate, customer.Index, sequence++, charge));
            if (profile.Overage > 0 && random.Chance(profile.Overage))
            {
                rows.Add(new RevenueRow(monthStart.PlusDays(27), customer.Index, sequence++, Math.Max(1, charge * random.NextInt(2, 15) / 100)));
            }

            if (random.Chance(RefundChance))
            {
                // At most half of the charge, on or after it within the same ISO week and month: no month, quarter or
                // week ever nets below zero.
                int daysLeftInWeek = Math.Min(7 - (int)chargeDate.DayOfWeek, 28 - billingDay);
                LocalDate refundDate = chargeDate.PlusDays(random.NextInt(0, daysLeftInWeek));
                rows.Add(new RevenueRow(refundDate, customer.Index, sequence++, -Math.Max(1, charge * random.NextInt(10, 50) / 100)));
            }

            // What changes for next month.
            if (random.Chance(profile.Churn))
            {
                active = false;
                goneForGood = random.Chance(GoneForGoodChance);
            }
            else if (random.Chance(profile.Expansion))
            {
                seats += random.NextInt(1, (int)Math.Max(1, seats / 5));
            }
            else if (random.Chance(profile.Contraction))
            {
                seats = Math.Max(1, seats - random.NextInt(1, (int)Math.Max(1, seats / 6)));
            }
        }
    }

    private sealed record RevenueProfile(int MinSeats, int MaxSeats, long SeatPrice, long PlatformFee, int Churn, int Expansion, int Contraction, int Overage);

    private readonly record struct RevenueRow(LocalDate Date, int Customer, int Sequence, long Cents);
}
