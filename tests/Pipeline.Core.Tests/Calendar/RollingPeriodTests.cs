using Pipeline.Core.Calendar;

namespace Pipeline.Core.Tests.Calendar;

/// <summary>The rolling year (contract section 4): the four quarters ending with a quarter, against the four a year before.</summary>
public class RollingPeriodTests
{
    [Theory]
    [InlineData("2024-Q1", "2023-Q2,2023-Q3,2023-Q4,2024-Q1", "2023-Q1", "2022-Q2,2022-Q3,2022-Q4,2023-Q1")]
    [InlineData("2024-Q3", "2023-Q4,2024-Q1,2024-Q2,2024-Q3", "2023-Q3", "2022-Q4,2023-Q1,2023-Q2,2023-Q3")]
    [InlineData("2024-Q4", "2024-Q1,2024-Q2,2024-Q3,2024-Q4", "2023-Q4", "2023-Q1,2023-Q2,2023-Q3,2023-Q4")]
    [InlineData("2025-Q2", "2024-Q3,2024-Q4,2025-Q1,2025-Q2", "2024-Q2", "2023-Q3,2023-Q4,2024-Q1,2024-Q2")]
    public void Covers_the_four_quarters_ending_with_its_quarter_and_steps_back_a_year(string text, string quarters, string previous, string previousQuarters)
    {
        Assert.True(Period.TryParse(YearBasis.Rolling, text, out var period));

        Assert.Equal(YearBasis.Rolling, period.Basis);
        Assert.Equal(text, period.ToString());
        Assert.Equal(text, period.Key);
        Assert.Equal(Quarter.Parse(text), period.End);
        Assert.Equal(quarters.Split(','), period.Quarters.Select(q => q.ToString()));
        Assert.Equal(previous, period.Previous.ToString());
        Assert.Equal(previousQuarters.Split(','), period.Previous.Quarters.Select(q => q.ToString()));
        Assert.Equal(Period.EndingWith(Quarter.Parse(previous)), period.Previous);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024")]
    [InlineData("2024/25")]
    [InlineData("2024-25")]
    [InlineData("2024-q3")]
    [InlineData("2024Q3")]
    [InlineData("2024_Q3")]
    [InlineData("2024-Q5")]
    [InlineData("2024-Q0")]
    [InlineData(" 2024-Q3")]
    [InlineData("2024-Q3 ")]
    [InlineData("0000-Q4")]
    [InlineData("0001-Q3")] // starts in 0000-Q4, a quarter no calendar has
    public void Refuses_anything_but_a_quarter_whose_four_quarters_exist(string? text)
    {
        Assert.False(Period.TryParse(YearBasis.Rolling, text, out _));
    }

    [Theory]
    [InlineData("0001-Q4")]
    [InlineData("9999-Q4")]
    public void Reads_the_first_and_last_representable_rolling_years(string text)
    {
        Assert.True(Period.TryParse(YearBasis.Rolling, text, out var period));
        Assert.Equal(text, period.ToString());
    }

    [Fact]
    public void A_quarter_is_not_the_rolling_form_of_a_calendar_or_financial_period()
    {
        Assert.False(Period.TryParse(YearBasis.Calendar, "2024-Q3", out _));
        Assert.False(Period.TryParse(YearBasis.Financial, "2024-Q3", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Containing(YearBasis.Rolling, Quarter.Parse("2024-Q3")));
    }

    [Fact]
    public void Orders_rolling_years_by_their_last_quarter()
    {
        var periods = new[] { "2024-Q1", "2023-Q4", "2024-Q3", "2023-Q2", "2024-Q2" }.Select(q => Period.EndingWith(Quarter.Parse(q)));

        Assert.Equal(["2023-Q2", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"], periods.Order().Select(p => p.ToString()));
        Assert.True(Period.EndingWith(Quarter.Parse("2024-Q1")) > Period.EndingWith(Quarter.Parse("2023-Q4")));
    }

    [Fact]
    public void The_rolling_year_ending_with_Q4_covers_the_calendar_year_but_stays_a_rolling_period()
    {
        var rolling = Period.EndingWith(Quarter.Parse("2024-Q4"));
        var calendar = new Period(YearBasis.Calendar, 2024);

        Assert.Equal(calendar.Quarters, rolling.Quarters);
        Assert.NotEqual(calendar, rolling);
        Assert.Equal(new Period(YearBasis.Rolling, 2024), rolling);
    }

    [Theory]
    [InlineData("calendar", YearBasis.Calendar)]
    [InlineData("financial", YearBasis.Financial)]
    [InlineData("rolling", YearBasis.Rolling)]
    public void Reads_and_writes_every_basis_by_its_wire_name(string name, YearBasis basis)
    {
        Assert.True(YearBasisNames.TryParse(name, out var parsed));
        Assert.Equal(basis, parsed);
        Assert.Equal(name, basis.ToWireName());
        Assert.Contains(basis, YearBasisNames.All);
    }

    [Theory]
    [InlineData("Rolling")]
    [InlineData("ROLLING")]
    [InlineData("rolling ")]
    [InlineData("year-ending")]
    public void Refuses_other_spellings_of_rolling(string name)
    {
        Assert.False(YearBasisNames.TryParse(name, out _));
    }
}
