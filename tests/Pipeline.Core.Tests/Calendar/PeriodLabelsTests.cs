using Pipeline.Core.Calendar;

namespace Pipeline.Core.Tests.Calendar;

public class PeriodLabelsTests
{
    [Theory]
    [InlineData("2024-Q1", "March 2024")]
    [InlineData("2024-Q2", "June 2024")]
    [InlineData("2024-Q3", "September 2024")]
    [InlineData("2024-Q4", "December 2024")]
    [InlineData("0999-Q4", "December 0999")]
    public void Names_the_month_a_quarter_ends_with(string quarter, string expected)
    {
        Assert.Equal(expected, PeriodLabels.MonthEnding(Quarter.Parse(quarter)));
    }

    [Theory]
    [InlineData(YearBasis.Rolling, "2024-Q3", "year ending September 2024", "in the year ending September 2024")]
    [InlineData(YearBasis.Rolling, "2024-Q1", "year ending March 2024", "in the year ending March 2024")]
    [InlineData(YearBasis.Rolling, "2023-Q4", "year ending December 2023", "in the year ending December 2023")]
    [InlineData(YearBasis.Calendar, "2024", "2024", "in 2024")]
    [InlineData(YearBasis.Financial, "2024/25", "2024/25", "in 2024/25")]
    public void Labels_a_period_as_the_published_statistics_do(YearBasis basis, string text, string label, string sentence)
    {
        Assert.True(Period.TryParse(basis, text, out var period));

        Assert.Equal(label, PeriodLabels.Label(period));
        Assert.Equal(sentence, PeriodLabels.In(period));
    }

    [Fact]
    public void Labels_the_previous_rolling_year_a_year_earlier()
    {
        Assert.True(Period.TryParse(YearBasis.Rolling, "2024-Q3", out var period));

        Assert.Equal("year ending September 2023", PeriodLabels.Label(period.Previous));
    }
}
