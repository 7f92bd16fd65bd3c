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

        // Up to 18 digits fit in a long whatever they are (10^18 < 2^63), so the value is built first and compared once:
        // no division per digit, which was a tenth of the validator's time. Longer ones take the careful path below.
        if (digits.Length <= 18)
        {
            long whole = 0;
            foreach (var c in digits)
            {
                whole = (whole * 10) + (c - '0');
            }

            if (whole > maximum)
            {
                return WholeNumberResult.AboveMaximum;
            }

            value = whole;
            return WholeNumberResult.Valid;
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
