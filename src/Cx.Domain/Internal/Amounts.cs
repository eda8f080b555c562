using System.Globalization;
using Cx.Domain.Assets;

namespace Cx.Domain.Internal;

/// <summary>Amounts and counts as the <c>ToString()</c> of results show them: in the unit's major units with thousands
/// separators and the unit (<c>USD 1,234.50</c>, <c>1,234 visits</c>), invariant.</summary>
internal static class Amounts
{
    /// <summary>The unit of values whose unit is not known: whole <c>units</c>.</summary>
    public static MeasureUnit PlainUnits { get; } = MeasureUnit.Quantity("units");

    /// <summary>Formats a share as a percentage with one decimal (<c>104.2%</c>), or <c>-</c> for none.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>Formats a value in units with its unit: <c>USD 1,234.50</c>, or <c>1,234 visits</c> for a quantity.</summary>
    public static string Format(MeasureUnit unit, long units)
    {
        string number = unit.ToDecimal(units).ToString("N" + unit.DecimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return unit.IsMoney ? unit.Name + " " + number : number + " " + unit.Name;
    }

    /// <summary>Formats a count with the right noun: <c>1 customer</c>, <c>1,200 customers</c>.</summary>
    public static string Count(long count, string singular, string plural) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
}
