using Streamline.Samples.Etl.Pii;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Pii;

public sealed class LuhnTests
{
    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("378282246310005", true)]
    [InlineData("79927398713", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398710", false)]
    [InlineData("", false)]
    public void Validates_checksum(string number, bool valid) => Assert.Equal(valid, Luhn.IsValid(number));

    [Fact]
    public void Check_digit_completes_a_valid_number()
    {
        Assert.Equal('3', Luhn.CheckDigit("7992739871"));
        Assert.True(Luhn.IsValid("411111111111111" + Luhn.CheckDigit("411111111111111")));
    }
}
