using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class EngineDisplayTests
{
    [Theory]
    [InlineData("offline", "Offline")]
    [InlineData("openrouter:google/gemini-2.5-flash-lite", "AI (gemini-2.5-flash-lite)")]
    [InlineData("127.0.0.1:google/gemini-2.5-flash-lite", "AI (gemini-2.5-flash-lite)")]
    [InlineData("llm.example.com:llama3", "AI (llama3)")]
    [InlineData("openrouter:vendor/", "AI (vendor/)")]
    public void Label_NamesTheModelWithoutHostOrVendor(string engine, string expected)
    {
        Assert.Equal(expected, EngineDisplay.Label(engine));
    }
}
