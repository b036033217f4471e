using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Tests.Engines.Offline;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_PlainSentences_SplitsAtTerminalPunctuation()
    {
        var sentences = SentenceSplitter.Split("A fox runs. Does it stop? No!  It keeps going");

        Assert.Equal(["A fox runs.", "Does it stop?", "No!", "It keeps going"], sentences);
    }

    [Fact]
    public void Split_QuotedSpeech_StaysOneSentence()
    {
        var sentences = SentenceSplitter.Split("She says, \"Stay here. Please.\" He nods. “Fine. Go.” They part.");

        Assert.Equal(["She says, \"Stay here. Please.\"", "He nods.", "“Fine. Go.”", "They part."], sentences);
    }

    [Fact]
    public void Split_NumbersAbbreviationsAndEllipses_DoNotSplit()
    {
        var sentences = SentenceSplitter.Split("Shot at f/1.8 by Dr. Ames... then silence. Mr. Li waves.");

        Assert.Equal(["Shot at f/1.8 by Dr. Ames... then silence.", "Mr. Li waves."], sentences);
    }
}
