using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Tests.Comparisons;

public class PeriodTests
{
    [Theory]
    [InlineData(YearBasis.Calendar, "2024", 2024)]
    [InlineData(YearBasis.Calendar, "0001", 1)]
    [InlineData(YearBasis.Calendar, "9999", 9999)]
    [InlineData(YearBasis.Financial, "2024/25", 2024)]
    [InlineData(YearBasis.Financial, "2024-25", 2024)]
    [InlineData(YearBasis.Financial, "2099/00", 2099)]
    [InlineData(YearBasis.Financial, "1999-00", 1999)]
    [InlineData(YearBasis.Financial, "9998/99", 9998)]
    [InlineData(YearBasis.Financial, "0000/01", 0)] // holds 0001-Q1
    public void Accepts_a_period_in_the_form_of_its_basis(YearBasis basis, string text, int startYear)
    {
        Assert.True(Period.TryParse(basis, text, out var period));
        Assert.Equal(new Period(basis, startYear), period);
    }

    [Theory]
    [InlineData(YearBasis.Calendar, null)]
    [InlineData(YearBasis.Calendar, "")]
    [InlineData(YearBasis.Calendar, "24")]
    [InlineData(YearBasis.Calendar, "02024")]
    [InlineData(YearBasis.Calendar, " 2024")]
    [InlineData(YearBasis.Calendar, "2024 ")]
    [InlineData(YearBasis.Calendar, "+202")]
    [InlineData(YearBasis.Calendar, "20x4")]
    [InlineData(YearBasis.Calendar, "١٢٣٤")]
    [InlineData(YearBasis.Calendar, "0000")]
    [InlineData(YearBasis.Calendar, "2024/25")]
    [InlineData(YearBasis.Calendar, "2024-25")]
    [InlineData(YearBasis.Financial, "2024")]
    [InlineData(YearBasis.Financial, "2024/26")]
    [InlineData(YearBasis.Financial, "2024/24")]
    [InlineData(YearBasis.Financial, "2024_25")]
    [InlineData(YearBasis.Financial, "2024/2025")]
    [InlineData(YearBasis.Financial, "2024/5")]
    [InlineData(YearBasis.Financial, "2024 25")]
    [InlineData(YearBasis.Financial, "2024/25 ")]
    [InlineData(YearBasis.Financial, "2099/100")]
    [InlineData(YearBasis.Financial, "2099/01")]
    [InlineData(YearBasis.Financial, "9999/00")]
    [InlineData(YearBasis.Financial, "2024\\25")]
    public void Rejects_anything_else(YearBasis basis, string? text)
    {
        Assert.False(Period.TryParse(basis, text, out var period));
        Assert.Equal(default, period);
    }

    [Theory]
    [InlineData(YearBasis.Calendar, 2024, "2024", "2024")]
    [InlineData(YearBasis.Financial, 2024, "2024/25", "2024-25")]
    [InlineData(YearBasis.Financial, 2099, "2099/00", "2099-00")]
    public void Displays_and_keys_a_period(YearBasis basis, int startYear, string display, string key)
    {
        var period = new Period(basis, startYear);

        Assert.Equal(display, period.ToString());
        Assert.Equal(key, period.Key);
    }

    [Fact]
    public void Lists_a_calendar_years_quarters_in_order()
    {
        Assert.Equal(
            ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"],
            new Period(YearBasis.Calendar, 2024).Quarters.Select(q => q.ToString()));
    }

    [Fact]
    public void Lists_a_financial_years_quarters_from_April_to_March()
    {
        Assert.Equal(
            ["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"],
            new Period(YearBasis.Financial, 2024).Quarters.Select(q => q.ToString()));
    }

    [Theory]
    [InlineData(YearBasis.Calendar, "2024-Q1", 2024, 1)]
    [InlineData(YearBasis.Calendar, "2024-Q4", 2024, 4)]
    [InlineData(YearBasis.Financial, "2024-Q1", 2023, 4)]
    [InlineData(YearBasis.Financial, "2024-Q2", 2024, 1)]
    [InlineData(YearBasis.Financial, "2024-Q4", 2024, 3)]
    public void Finds_the_period_of_a_quarter_and_the_quarter_at_its_position(YearBasis basis, string quarter, int startYear, int position)
    {
        var q = Quarter.Parse(quarter);
        var period = Period.Containing(basis, q);

        Assert.Equal(new Period(basis, startYear), period);
        Assert.Equal(q, period.QuarterAt(position));
    }

    [Fact]
    public void Steps_back_one_year_on_the_same_basis()
    {
        Assert.Equal(new Period(YearBasis.Financial, 2023), new Period(YearBasis.Financial, 2024).Previous);
        Assert.Equal("2023/24", new Period(YearBasis.Financial, 2024).Previous.ToString());
    }

    [Theory]
    [InlineData("calendar", YearBasis.Calendar)]
    [InlineData("financial", YearBasis.Financial)]
    public void Reads_and_writes_the_wire_names_of_a_basis(string name, YearBasis basis)
    {
        Assert.True(YearBasisNames.TryParse(name, out var parsed));
        Assert.Equal(basis, parsed);
        Assert.Equal(name, basis.ToWireName());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Calendar")]
    [InlineData("FINANCIAL")]
    [InlineData(" calendar")]
    [InlineData("0")]
    [InlineData("fiscal")]
    public void Refuses_any_other_basis_name(string? name)
    {
        Assert.False(YearBasisNames.TryParse(name, out _));
    }
}
