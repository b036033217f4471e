using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Tests.Engines.Offline;

public sealed class WordFormsTests
{
    [Theory]
    [InlineData("walk", "walk,walks,walking,walked")]
    [InlineData("run+", "run,runs,running,runned")]
    [InlineData("dance", "dance,dances,dancing,danced")]
    [InlineData("carry", "carry,carries,carrying,carried")]
    [InlineData("play", "play,plays,playing,played")]
    [InlineData("push", "push,pushes,pushing,pushed")]
    [InlineData("tie", "tie,ties,tying,tied")]
    [InlineData("flee", "flee,flees,fleeing,fleeed")]
    public void Inflect_BaseVerb_GivesPresentAndParticipleForms(string verb, string forms)
    {
        var result = WordForms.Inflect(verb);

        Assert.Equal(forms.Split(','), result);
    }

    [Theory]
    [InlineData("shadows", "shadow")]
    [InlineData("skies", "sky")]
    [InlineData("glass", "glass")]
    [InlineData("lens", "len")]
    [InlineData("bus", "bus")]
    public void Stem_Plural_DropsTheEnding(string word, string stem)
    {
        var result = TextTokens.Stem(word);

        Assert.Equal(stem, result);
    }
}
