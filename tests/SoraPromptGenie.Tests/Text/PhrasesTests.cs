using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Tests.Text;

public sealed class PhrasesTests
{
    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "a")]
    [InlineData(2, "a or b")]
    [InlineData(3, "a, b or c")]
    public void JoinOr_Values_ReadsAsEnglishChoice(int count, string expected)
    {
        var values = new[] { "a", "b", "c" }.Take(count);

        var joined = Phrases.JoinOr(values);

        Assert.Equal(expected, joined);
    }
}
