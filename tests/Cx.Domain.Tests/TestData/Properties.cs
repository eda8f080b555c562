using FsCheck;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.TestData;

/// <summary>Runs FsCheck properties inside xunit facts, throwing with the (shrunk) counterexample on failure.</summary>
public static class Properties
{
    public static void Check<T>(Arbitrary<T> arbitrary, Action<T> assertion, int maxTests = 200) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTests), Prop.ForAll(arbitrary, assertion));
}
