using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Llm;

namespace SoraPromptGenie.Tests.Engines.Llm;

public sealed class SuggestionParserTests
{
    private const string Category = "lighting";

    /// <summary>Realistic answers from chat models: (output, count asked, titles expected in order).</summary>
    public static TheoryData<string, int, string[]> MessyOutputs => new()
    {
        {
            """[{"title":"Rim Light","description":"A hard backlight outlines the fox against the snow."},{"title":"Sodium Glow","description":"Orange streetlamps pool on the road."}]""",
            8,
            ["Rim Light", "Sodium Glow"]
        },
        {
            "```json\n[\n  {\"title\": \"Rim Light\", \"description\": \"Hard backlight outlines the subject.\"},\n  {\"title\": \"Moonlit Fill\", \"description\": \"Cool soft fill from a low moon.\"}\n]\n```",
            8,
            ["Rim Light", "Moonlit Fill"]
        },
        {
            "Here are 2 lighting ideas for your scene:\n\n[{\"title\":\"Rim Light\",\"description\":\"Hard backlight.\"},{\"title\":\"Lantern Key\",\"description\":\"A handheld lantern lights faces from below.\"}]\n\nLet me know if you want more!",
            8,
            ["Rim Light", "Lantern Key"]
        },
        {
            """{"suggestions":[{"title":"Rim Light","description":"Hard backlight."},{"title":"Neon Spill","description":"Magenta neon spills across wet asphalt."}]}""",
            8,
            ["Rim Light", "Neon Spill"]
        },
        {
            """{"lighting_ideas":[{"title":"Overcast Softbox","description":"A flat grey sky wraps soft light around the subject."}]}""",
            8,
            ["Overcast Softbox"]
        },
        {
            "[\n {\"title\": \"Rim Light\", \"description\": \"Hard backlight.\",},\n {\"title\": \"Firelight\", \"description\": \"Flickering campfire light from below.\",},\n]",
            8,
            ["Rim Light", "Firelight"]
        },
        {
            """{"title": "Golden Hour Backlight", "description": "Low warm sun behind the subject with lens flare."}""",
            8,
            ["Golden Hour Backlight"]
        },
        {
            """[{"title":"A","description":"one"},{"title":"B","description":"two"},{"title":"C","description":"three"},{"title":"D","description":"four"}]""",
            3,
            ["A", "B", "C"]
        },
        {
            """[{"title":"Rim Light","description":""},{"title":"","description":"orphan"},{"description":"no title"},{"title":"Candle Key","description":"A single candle lights the face from frame left."},{"title":"Bad","description":42}]""",
            8,
            ["Candle Key"]
        },
        {
            """[{"title":"Rim Light","description":"Hard backlight.","confidence":0.92,"tags":["night","contrast"],"category":"lighting"}]""",
            8,
            ["Rim Light"]
        },
        {
            """[{"name":"Rim Light","details":"Hard backlight."},{"label":"Window Light","text":"Soft daylight from a north window."},{"Title":"Practical Lamps","Description":"Warm table lamps in frame."}]""",
            8,
            ["Rim Light", "Window Light", "Practical Lamps"]
        },
        {
            """[{"title":"Rim Light","description":"Hard backlight."},{"title":"rim light","description":"Backlight again."},{"title":"RIM LIGHT ","description":"Once more."},{"title":"Top Light","description":"A bare bulb overhead."}]""",
            8,
            ["Rim Light", "Top Light"]
        },
        {
            "Sure! Here you go:\n```\n{\n  \"data\": {\n    \"suggestions\": [\n      {\"title\": \"Blue Hour Ambience\", \"description\": \"Deep blue skylight after sunset, no direct sun.\"}\n    ]\n  }\n}\n```",
            8,
            ["Blue Hour Ambience"]
        },
        {
            "[{\"title\":\"Rim Light\",\"description\":\"Hard backlight.\"},{\"title\":\"Lightning Flash\",\"description\":\"Intermittent white flashes.\"},{\"title\":\"Strobe\",\"descr",
            8,
            ["Rim Light", "Lightning Flash"]
        },
        {
            "1. **Rim Light**: A hard backlight outlines the subject.\n2. **Sodium Glow** - Orange streetlamps pool on the road.\n3. **Moonlight**: Cool soft light from above.",
            8,
            ["Rim Light", "Sodium Glow", "Moonlight"]
        },
        {
            "{\"title\": \"Rim Light\", \"description\": \"Hard backlight.\"}\n{\"title\": \"Bounce Fill\", \"description\": \"White card bounce lifts the shadows.\"}",
            8,
            ["Rim Light", "Bounce Fill"]
        },
        {
            "// lighting ideas\n[\n  /* strongest first */\n  {\"title\": \"Rim Light\", \"description\": \"Hard backlight.\"}\n]",
            8,
            ["Rim Light"]
        },
        {
            """["Rim Light: a hard backlight outlines the subject", "Lantern Glow - warm handheld light", "no separator here"]""",
            8,
            ["Rim Light", "Lantern Glow"]
        },
        {
            "I picked [3] options for you.\n[{\"title\":\"Rim Light\",\"description\":\"Hard backlight.\"}]",
            8,
            ["Rim Light"]
        },
        {
            """[{"title":"**Rim Light**","description":"  Hard\n  backlight   from\tbehind. "}]""",
            8,
            ["Rim Light"]
        },
    };

    [Theory]
    [MemberData(nameof(MessyOutputs))]
    public void Parse_MessyModelOutput_KeepsEveryUsableCard(string output, int count, string[] expectedTitles)
    {
        var suggestions = SuggestionParser.Parse(output, Category, count);

        Assert.Equal(expectedTitles, suggestions.Select(s => s.Title));
        Assert.All(suggestions, s =>
        {
            Assert.Equal(Category, s.Category);
            Assert.StartsWith(Category + "/", s.Id, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(s.Description));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("I'm sorry, I can't help with that.")]
    [InlineData("[]")]
    [InlineData("""{"suggestions": []}""")]
    [InlineData("""[{"title": "", "description": ""}, {"foo": "bar"}]""")]
    [InlineData("""{"error": "model overloaded"}""")]
    public void Parse_NothingUsable_ThrowsUpstreamError(string output)
    {
        var ex = Assert.Throws<UpstreamException>(() => SuggestionParser.Parse(output, Category, 5));

        Assert.Equal(UpstreamFailure.Error, ex.Failure);
        Assert.Equal("The language model returned no usable suggestions.", ex.Message);
    }

    [Fact]
    public void Parse_Titles_BecomeUniqueSlugIds()
    {
        const string output = """
            [{"title":"Golden Hour: Backlight!","description":"a"},
             {"title":"Golden Hour Backlight?","description":"b"},
             {"title":"Café Neón","description":"c"},
             {"title":"夜の光","description":"d"}]
            """;

        var ids = SuggestionParser.Parse(output, Category, 10).Select(s => s.Id).ToArray();

        Assert.Equal(
            ["lighting/golden-hour-backlight", "lighting/golden-hour-backlight-2", "lighting/cafe-neon", "lighting/suggestion"],
            ids);
    }

    [Fact]
    public void Parse_OverlongFields_AreTruncated()
    {
        var title = string.Join(' ', Enumerable.Repeat("Title", 60));
        var description = string.Join(' ', Enumerable.Repeat("description", 100));
        var output = $$"""[{"title":"{{title}}","description":"{{description}}"}]""";

        var suggestion = Assert.Single(SuggestionParser.Parse(output, Category, 1));

        Assert.InRange(suggestion.Title.Length, 90, SuggestionParser.MaxTitleLength);
        Assert.InRange(suggestion.Description.Length, 400, SuggestionParser.MaxDescriptionLength);
        Assert.EndsWith("\u2026", suggestion.Description, StringComparison.Ordinal);
        Assert.True(suggestion.Id.Length <= Category.Length + 1 + 60);
    }

    [Fact]
    public void Parse_WrapperWithItemLikeFields_PrefersTheArray()
    {
        const string output = """{"title":"Lighting ideas","description":"for your fox","suggestions":[{"title":"Rim Light","description":"Hard backlight."}]}""";

        var suggestion = Assert.Single(SuggestionParser.Parse(output, Category, 5));

        Assert.Equal("Rim Light", suggestion.Title);
    }

    [Fact]
    public void Parse_CountBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SuggestionParser.Parse("[]", Category, 0));
    }
}
