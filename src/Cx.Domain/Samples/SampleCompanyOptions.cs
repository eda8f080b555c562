using NodaTime;

namespace Cx.Domain.Samples;

/// <summary>What sample company <see cref="SampleCompany.Generate(SampleCompanyOptions)"/> makes: its seed, size and time span.</summary>
/// <remarks>An options type: settable, checked when a company is generated. The defaults give 3,000
/// customers over the three years 2023 to 2025.</remarks>
public sealed class SampleCompanyOptions
{
    /// <summary>The seed used when none is given.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>The largest number of customers accepted.</summary>
    public const int MaxCustomerCount = 1_000_000;

    /// <summary>The largest number of months accepted (a century).</summary>
    public const int MaxMonthCount = 1_200;

    /// <summary>Gets or sets the seed: the same seed (with the same other options) gives the same company, byte for byte,
    /// on any machine and .NET version; <see cref="DefaultSeed"/> by default.</summary>
    public ulong Seed { get; set; } = DefaultSeed;

    /// <summary>Gets or sets how many customers the company has over its whole history, 1 to <see cref="MaxCustomerCount"/>; 3,000 by default.</summary>
    public int CustomerCount { get; set; } = 3_000;

    /// <summary>Gets or sets the first month with data; January 2023 by default. The months must lie in the supported range
    /// of time, 0001-01 to 9998-12 (<see cref="Primitives.SupportedRange"/>).</summary>
    public YearMonth FirstMonth { get; set; } = new(2023, 1);

    /// <summary>Gets or sets how many months of data there are, 1 to <see cref="MaxMonthCount"/>; 36 (three years) by default.</summary>
    public int MonthCount { get; set; } = 36;
}
