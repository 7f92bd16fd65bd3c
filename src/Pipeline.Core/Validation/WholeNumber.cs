namespace Pipeline.Core.Validation;

/// <summary>The contract's whole numbers: plain ASCII digits; a '-' before digits is a number below 0.</summary>
internal static class WholeNumber
{
    public static WholeNumberResult Parse(ReadOnlySpan<char> text, long maximum, out long value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return WholeNumberResult.Blank;
        }

        var negative = text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return WholeNumberResult.NotAWholeNumber;
        }

        if (negative)
        {
            return WholeNumberResult.BelowZero;
        }

        // Checked before each step, so 30 digits cannot overflow a long: they are simply above the maximum.
        long result = 0;
        foreach (var c in digits)
        {
            var digit = c - '0';
            if (digit > maximum || result > (maximum - digit) / 10)
            {
                return WholeNumberResult.AboveMaximum;
            }

            result = (result * 10) + digit;
        }

        value = result;
        return WholeNumberResult.Valid;
    }
}
