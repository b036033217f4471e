using System.Globalization;
using System.Text;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Targets;

public sealed class ShellQuotingTests
{
    [Theory]
    [InlineData("", "''")]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("'", "''\\'''")]
    [InlineData("a\nb", "'a\nb'")]
    [InlineData("$HOME `id` $(id) \"q\" \\ !", "'$HOME `id` $(id) \"q\" \\ !'")]
    public void SingleQuote_Value_ProducesExpectedWord(string value, string expected)
    {
        var quoted = ShellQuoting.SingleQuote(value);

        Assert.Equal(expected, quoted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("It's a fox's night.")]
    [InlineData("''''")]
    [InlineData("'leading and trailing'")]
    [InlineData("line one\nline two\nline 'three'\n")]
    [InlineData("tabs\tand $VARS and `ticks` and \\backslashes\\ and \"doubles\"")]
    [InlineData("@/etc/passwd <input ;type=text/html")]
    [InlineData("emoji 🦊 and accents é and quotes ‘curly’ “double”")]
    [InlineData("*?[glob] ~user {a,b} ; | & > < #comment")]
    public void SingleQuote_TrickyValue_ShellReadsBackTheSameText(string value)
    {
        var quoted = ShellQuoting.SingleQuote(value);

        Assert.Equal(value, ReadPosixWord(quoted));
    }

    [Fact]
    public void SingleQuote_NulCharacter_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => ShellQuoting.SingleQuote("a\0b"));
    }

    /// <summary>Every C0 and C1 control but tab and newline, DEL, and the bidirectional embeddings, overrides and isolates.</summary>
    public static TheoryData<char> UnsafeCharacters()
    {
        var data = new TheoryData<char>();
        foreach (var c in Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not '\t' and not '\n'))
        {
            data.Add(c);
        }

        foreach (var c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        {
            data.Add(c);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnsafeCharacters))]
    public void SingleQuote_ControlOrBidiCharacter_RefusesInsteadOfQuoting(char c)
    {
        var value = $"A fox.{c}; rm -rf ~ #";

        var refused = Assert.Throws<UnsafeShellTextException>(() => ShellQuoting.SingleQuote(value));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}"), refused.Message, StringComparison.Ordinal);
        Assert.Throws<UnsafeShellTextException>(() => ShellQuoting.QuoteIfNeeded(value));
    }

    [Theory]
    [InlineData("sora-2", "sora-2")]
    [InlineData("https://api.openai.com/v1/videos", "https://api.openai.com/v1/videos")]
    [InlineData("size=1280x720", "size=1280x720")]
    [InlineData("", "''")]
    [InlineData("two words", "'two words'")]
    [InlineData("~home", "'~home'")]
    [InlineData("a;b", "'a;b'")]
    [InlineData("$X", "'$X'")]
    public void QuoteIfNeeded_Value_QuotesOnlyWhenTheShellWouldInterpretIt(string value, string expected)
    {
        var quoted = ShellQuoting.QuoteIfNeeded(value);

        Assert.Equal(expected, quoted);
    }

    [Theory]
    [InlineData("https://api.example/v1", "https://api.example/v1")]
    [InlineData("https://{REGION}-api.example/v1/{ID}", "\"https://${REGION}-api.example/v1/${ID}\"")]
    [InlineData("{\"name\":\"{OPERATION_NAME}\"}", "'{\"name\":\"'\"${OPERATION_NAME}\"'\"}'")]
    [InlineData("it's {ID}!", "'it'\\''s '\"${ID}\"'!'")]
    public void WithVariables_Template_ReadsOnlyThePlaceholdersFromTheEnvironment(string template, string expected)
    {
        var quoted = ShellQuoting.WithVariables(template);

        Assert.Equal(expected, quoted);
    }

    [Fact]
    public void WithVariables_ControlCharacter_Refuses()
    {
        Assert.Throws<UnsafeShellTextException>(() => ShellQuoting.WithVariables("https://{HOST}/\u001b[2J"));
    }

    /// <summary>
    /// Reads one shell word made of single-quoted runs, backslash-escaped characters and plain characters, the way
    /// a POSIX shell does; anything that would be expanded or split fails the test.
    /// </summary>
    internal static string ReadPosixWord(string word)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < word.Length)
        {
            var c = word[i];
            if (c == '\'')
            {
                var close = word.IndexOf('\'', i + 1);
                Assert.True(close > i, $"Unterminated single quote in {word}");
                result.Append(word, i + 1, close - i - 1);
                i = close + 1;
            }
            else if (c == '\\')
            {
                Assert.True(i + 1 < word.Length, "Trailing backslash");
                result.Append(word[i + 1]);
                i += 2;
            }
            else
            {
                Assert.DoesNotContain(c, " \t\n\r$`\"*?[]~{}();|&<>#!");
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }
}
