#:project ../src/Cx.Domain/Cx.Domain.csproj
#:property PublishAot=false
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using NodaTime;

// Five customers of a small shop; December 2023 is history (it decides new versus reactivated).
AssetRecord Sale(string customer, string date, decimal amount) =>
    new(CustomerId.From(customer), NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value, Money.FromDecimal(amount, Currency.Usd));

AssetRecord[] records =
[
    Sale("A", "2023-12-05", 100m), Sale("A", "2024-01-05", 100m), Sale("A", "2024-02-05", 150m),
    Sale("B", "2024-01-10", 200m), Sale("B", "2024-02-10", 120m), Sale("B", "2024-03-10", 120m),
    Sale("C", "2023-11-20", 50m), Sale("C", "2024-02-20", 80m),
    Sale("D", "2023-12-15", 70m),
    Sale("E", "2024-03-01", 90m), Sale("E", "2024-03-20", -10m), // a refund nets E's March to 80.00
];

var grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));
var ledger = AssetLedger.FromRecords(records, grid);
var report = new AssetMovementCalculator().Calculate(ledger);

Console.WriteLine("period   opening      new  reactiv.  expans.  contr.  churned  closing  active in  lost");
foreach (var p in report.Periods)
{
    string M(long units) => report.Unit.Format(units);
    Console.WriteLine($"{p.Period.Label,-7} {M(p.Opening),8} {M(p.New.Value),8} {M(p.Reactivated.Value),9} {M(p.Expansion.Value),8} " +
        $"{M(p.Contraction.Value),7} {M(p.Churned.Value),8} {M(p.Closing),8} {p.Customers.ActiveCount,6} {p.Customers.IncomingCount,3} {p.Customers.LostCount,5}");
}
