using Cx.Domain.Validation;

namespace Cx.Domain.Internal;

/// <summary>Turns a 64-bit overflow inside a calculation into a clear validation error (never a raw <see cref="OverflowException"/>).</summary>
internal static class OverflowGuard
{
    public static void Run(Action action)
    {
        try
        {
            action();
        }
        catch (OverflowException)
        {
            var failures = new FailureCollector();
            failures.Add(null, "period totals", "Value", CxErrorCodes.ValueOverflow,
                "A period total overflows 64-bit units: the values are too large to add exactly. Check the input for wrong amounts, or split it (for example by segment).");
            failures.ThrowIfAny("asset values");
        }
    }
}
