using System.Globalization;
using System.Reflection;
using Xunit.Sdk;

namespace Cx.Cli.Tests.TestData;

/// <summary>Pins the current culture to the invariant culture for the duration of a test (STYLE.md: culture pinned).</summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class InvariantCultureAttribute : BeforeAfterTestAttribute
{
    private CultureInfo? _culture;
    private CultureInfo? _uiCulture;

    public override void Before(MethodInfo methodUnderTest)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    public override void After(MethodInfo methodUnderTest)
    {
        CultureInfo.CurrentCulture = _culture!;
        CultureInfo.CurrentUICulture = _uiCulture!;
    }
}
