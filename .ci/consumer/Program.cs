using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

var services = new ServiceCollection().AddCxDomain();
var grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 2));
var ledger = AssetLedger.FromRecords(
    [
        new AssetRecord(CustomerId.From("A"), new LocalDate(2024, 1, 3), Money.FromDecimal(10m, Currency.Usd)),
        new AssetRecord(CustomerId.From("A"), new LocalDate(2024, 2, 3), Money.FromDecimal(12.5m, Currency.Usd)),
    ],
    grid);
var report = new AssetMovementCalculator().Calculate(ledger);
var feb = report.Periods[1];
Console.WriteLine($"consumer: {feb.Period} opening {report.ToMoney(feb.Opening)} expansion {report.ToMoney(feb.Expansion.Value)} closing {report.ToMoney(feb.Closing)}; {services.Count} services registered");
return feb.Closing == 1250 && feb.Expansion.Value == 250 ? 0 : 1;
