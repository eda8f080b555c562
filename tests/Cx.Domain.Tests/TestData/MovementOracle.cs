using Cx.Domain.Assets;

namespace Cx.Domain.Tests.TestData;

/// <summary>The definitions of docs/concepts/customer-asset.md, written as directly (and slowly) as possible, period by
/// period and customer by customer, to check the engine against.</summary>
public static class MovementOracle
{
    public sealed record Expected(
        long Opening,
        long Closing,
        Dictionary<MovementClass, (long Count, long Value)> Classes,
        long OpeningActive,
        long Active,
        long IncomingNew,
        long IncomingReturning,
        long IncomingValue,
        long Lost,
        long LostValue);

    public static MovementClass Classify(long[] v, int t)
    {
        long cur = v[t];
        long prev = t >= 1 ? v[t - 1] : 0;
        bool activeBeforePrev = v.Take(Math.Max(0, t - 1)).Any(x => x > 0);
        return (prev > 0, cur > 0) switch
        {
            (false, true) => activeBeforePrev ? MovementClass.Reactivated : MovementClass.New,
            (true, true) => cur > prev ? MovementClass.Expansion : cur < prev ? MovementClass.Contraction : MovementClass.Flat,
            (true, false) => MovementClass.Churned,
            _ => MovementClass.None,
        };
    }

    public static bool ActiveInWindow(long[] v, int t, int window)
    {
        for (int k = t - window + 1; k <= t; k++)
        {
            if (k >= 0 && k < v.Length && v[k] > 0)
            {
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<Expected> Compute(AssetDataset data, int window)
    {
        var result = new List<Expected>();
        for (int t = data.History; t < data.AxisLength; t++)
        {
            var classes = Enum.GetValues<MovementClass>().Where(c => c != MovementClass.None).ToDictionary(c => c, _ => (0L, 0L));
            long opening = 0, closing = 0, openingActive = 0, active = 0, inNew = 0, inReturning = 0, inValue = 0, lost = 0, lostValue = 0;
            foreach (long[] v in data.Values)
            {
                long cur = v[t];
                long prev = t >= 1 ? v[t - 1] : 0;
                opening += prev;
                closing += cur;
                MovementClass cls = Classify(v, t);
                if (cls != MovementClass.None)
                {
                    (long count, long value) = classes[cls];
                    classes[cls] = (count + 1, value + cur - prev);
                }

                bool now = ActiveInWindow(v, t, window);
                bool before = ActiveInWindow(v, t - 1, window);
                openingActive += before ? 1 : 0;
                active += now ? 1 : 0;
                if (now && !before)
                {
                    bool everBefore = v.Take(t).Any(x => x > 0);
                    inNew += everBefore ? 0 : 1;
                    inReturning += everBefore ? 1 : 0;
                    inValue += cur;
                }

                if (before && !now)
                {
                    lost++;
                    for (int k = t - window; k <= t - 1; k++)
                    {
                        lostValue += k >= 0 ? v[k] : 0;
                    }
                }
            }

            result.Add(new Expected(opening, closing, classes, openingActive, active, inNew, inReturning, inValue, lost, lostValue));
        }

        return result;
    }
}
