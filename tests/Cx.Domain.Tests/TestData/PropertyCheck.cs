using FsCheck;

namespace Cx.Domain.Tests.TestData;

/// <summary>Runs FsCheck properties inside xunit facts (FsCheck.Xunit is not used): a failure throws with the shrunk counterexample.</summary>
public static class PropertyCheck
{
    /// <summary>Checks a property on <paramref name="maxTest"/> random cases and throws on the first (shrunk) failure.</summary>
    /// <param name="property">The property.</param>
    /// <param name="maxTest">How many cases to try.</param>
    public static void Run(Property property, int maxTest = 300) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true), property);
}
