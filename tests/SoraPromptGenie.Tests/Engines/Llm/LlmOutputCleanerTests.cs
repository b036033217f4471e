using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Llm;

namespace SoraPromptGenie.Tests.Engines.Llm;

public sealed class LlmOutputCleanerTests
{
    private const string Prompt = "A red fox crosses a snowy road at night.\n\nCinematography:\nCamera shot: wide, low angle\nMood: hushed";

    public static TheoryData<string> WrappedPrompts => new()
    {
        Prompt,
        "```\n" + Prompt + "\n```",
        "```text\n" + Prompt + "\n```",
        "Here is your enhanced prompt:\n\n" + Prompt,
        "Sure! Here's the restructured prompt:\n```markdown\n" + Prompt + "\n```\nLet me know if you'd like any changes.",
        "Sure!\nHere is the prompt:\n" + Prompt,
        "**Enhanced Prompt:**\n" + Prompt,
        "Prompt:\n" + Prompt,
        "\"" + Prompt + "\"",
        "\u201C" + Prompt + "\u201D",
        "  \r\n" + Prompt.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n  ",
        Prompt + "\n\nI hope this helps your video come alive!",
        "```\n" + Prompt,
    };

    [Theory]
    [MemberData(nameof(WrappedPrompts))]
    public void Clean_WrappedAnswer_ReturnsBarePrompt(string output)
    {
        var cleaned = LlmOutputCleaner.Clean(output);

        Assert.Equal(Prompt, cleaned);
    }

    [Fact]
    public void Clean_InlinePreamble_IsRemoved()
    {
        var cleaned = LlmOutputCleaner.Clean("Here is your prompt: A fox crosses a snowy road.");

        Assert.Equal("A fox crosses a snowy road.", cleaned);
    }

    [Theory]
    [InlineData("\"Go,\" she says, then \"Stop.\"")]
    [InlineData("Okay Corral at noon, dust in the air.")]
    [InlineData("Great Smoky Mountains at dawn, mist in the valleys.")]
    [InlineData("Dialogue:\n- Mia: \"We're late.\"")]
    public void Clean_PromptThatLooksWrapped_IsKept(string output)
    {
        var cleaned = LlmOutputCleaner.Clean(output);

        Assert.Equal(output, cleaned);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    [InlineData("```\n\n```")]
    [InlineData("\"\"")]
    [InlineData("Here is your prompt:")]
    public void Clean_EmptyAnswer_ThrowsUpstreamError(string? output)
    {
        var ex = Assert.Throws<UpstreamException>(() => LlmOutputCleaner.Clean(output));

        Assert.Equal(UpstreamFailure.Error, ex.Failure);
        Assert.Equal("The language model returned an empty answer.", ex.Message);
    }

    [Theory]
    [InlineData("A fox\u001b[31m runs\u001b[0m.", "A fox runs.")]
    [InlineData("A fox\u001b]0;pwned\u0007 runs.", "A fox runs.")]
    [InlineData("A fox\u009b2J runs.", "A fox runs.")]
    [InlineData("A fox\u0007 runs\u0003.", "A fox runs.")]
    [InlineData("A fox runs.\rrm -rf ~", "A fox runs.\nrm -rf ~")]
    [InlineData("A fox \u202eseod\u202c runs.", "A fox seod runs.")]
    [InlineData("A \u2066fox\u2069 runs.\u0000", "A fox runs.")]
    [InlineData("A fox\u0085 runs\u007f.", "A fox runs.")]
    [InlineData("Tabs\tand\nlines stay.", "Tabs\tand\nlines stay.")]
    public void Clean_ControlAndBidiCharacters_AreRemoved(string output, string expected)
    {
        Assert.Equal(expected, LlmOutputCleaner.Clean(output));
    }

    [Fact]
    public void Clean_OnlyControlCharacters_IsAnEmptyAnswer()
    {
        var failure = Assert.Throws<UpstreamException>(() => LlmOutputCleaner.Clean("\u001b[2J\u0007\u202e"));

        Assert.Equal(LlmOutputCleaner.EmptyAnswerMessage, failure.Message);
    }
}
