using FsCheck;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.TestData;

/// <summary>Runs FsCheck properties inside xunit facts, throwing with the (shrunk) counterexample on failure.</summary>
public static class Properties
{
    public static void Check<T>(Arbitrary<T> arbitrary, Action<T> assertion, int maxTests = 200) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTests), Prop.ForAll(arbitrary, assertion));

    /// <summary>Runs a property from a fixed seed, for properties whose cases are expensive: the same cases every run, so the
    /// suite's time is known.</summary>
    public static void CheckSeeded<T>(Arbitrary<T> arbitrary, Action<T> assertion, int maxTests, ulong seed) =>
        FsCheck.Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(maxTests)
                .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), Microsoft.FSharp.Core.FSharpOption<int>.None))),
            Prop.ForAll(arbitrary, assertion));
}
