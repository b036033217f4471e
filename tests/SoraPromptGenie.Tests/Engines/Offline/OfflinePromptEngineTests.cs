using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Tests.Engines.Offline;

public sealed class OfflinePromptEngineTests
{
    private const string GoldenHourSentence = "Lit by low, warm golden-hour sun raking across the scene.";

    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();
    private readonly OfflinePromptEngine _engine = new(Catalog);

    [Fact]
    public async Task EnhanceAsync_OneEnhancement_WritesItsPhraseAsASentenceAfterScene()
    {
        var result = await _engine.RunAsync(new TextOperation.Enhance("A fox crosses a snowy road.", [Card("lighting/golden-hour")]), CancellationToken.None);

        Assert.Equal("A fox crosses a snowy road.\n\n" + GoldenHourSentence, result.Text);
        Assert.Equal("offline", result.Engine);
        Assert.Null(result.FallbackReason);
    }

    [Fact]
    public async Task EnhanceAsync_EmptyPrompt_ReturnsTheCardsSentencesAlone()
    {
        var result = await _engine.RunAsync(new TextOperation.Enhance("  \n ", [Card("lighting/golden-hour")]), CancellationToken.None);

        Assert.Equal(GoldenHourSentence, result.Text);
    }

    [Fact]
    public async Task EnhanceAsync_SecondCardOfSameCategory_ReplacesTheFirstCardsSentence()
    {
        var first = await _engine.RunAsync(new TextOperation.Enhance("A fox crosses a snowy road.", [Card("lighting/golden-hour")]), CancellationToken.None);

        var second = await _engine.RunAsync(new TextOperation.Enhance(first.Text, [Card("lighting/neon-glow")]), CancellationToken.None);

        Assert.Equal("A fox crosses a snowy road.\n\nLit by buzzing neon signs spilling saturated colour into deep shadow.", second.Text);
        Assert.DoesNotContain("golden-hour", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Enhance_ReplacingCardAfterHandEdits_SwapsOnlyThatClause()
    {
        var text = _engine.Enhance("A fox crosses a snowy road.", [Card("lighting/golden-hour"), Card("style/16mm-documentary")]);
        var edited = text + "\nThe fox stops to sniff the air.";

        var swapped = _engine.Enhance(edited, [Card("lighting/neon-glow")], [Card("lighting/golden-hour")]);

        Assert.Equal(
            _engine.Enhance("A fox crosses a snowy road.\n\nThe fox stops to sniff the air.", [Card("lighting/neon-glow"), Card("style/16mm-documentary")]),
            swapped);
        Assert.DoesNotContain("Golden Hour", swapped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_RemovingOneCard_TakesOutItsClauseAndKeepsTheRest()
    {
        var text = _engine.Enhance("A fox crosses a snowy road.", [Card("lighting/golden-hour"), Card("camera-angles/low-angle")]);
        var operation = new TextOperation.Enhance(text + "\nIt looks back once.", []) { Removing = [Card("camera-angles/low-angle")] };

        EngineText? final = null;
        await foreach (var chunk in _engine.StreamAsync(operation, CancellationToken.None))
        {
            final = chunk.Final ?? final;
        }

        Assert.Equal("A fox crosses a snowy road.\n\nIt looks back once.\n\n" + GoldenHourSentence, final?.Text);
    }

    [Fact]
    public void Enhance_RemovingCardWhoseClauseIsGone_LeavesTextAsItIs()
    {
        const string text = "A fox crosses a snowy road.\nIt looks back once.";

        var result = _engine.Enhance(text, [], [Card("lighting/golden-hour")]);

        Assert.Equal(text, result);
    }

    [Theory]
    [InlineData("lighting")]
    [InlineData("LIGHTING")]
    [InlineData("Lighting")]
    [InlineData(" lighting ")]
    public async Task EnhanceAsync_CategoryAsIdOrDisplayNameInAnyCase_IsTheCatalogCard(string category)
    {
        var golden = Catalog.FindEnhancement("lighting/golden-hour")!;

        var result = await _engine.RunAsync(new TextOperation.Enhance("", [new EnhancementSpec(golden.Title, golden.Description, category)]), CancellationToken.None);

        Assert.Equal(GoldenHourSentence, result.Text);
    }

    [Fact]
    public async Task EnhanceAsync_SeveralEnhancements_WritesOneShotInReadingOrder()
    {
        EnhancementSpec[] cards = [Card("style/cinematic-35mm"), Card("weather/light-rain"), Card("camera-angles/low-angle"), Card("lighting/neon-glow")];

        var result = await _engine.RunAsync(new TextOperation.Enhance("A courier wheels a bicycle down an alley.", cards), CancellationToken.None);

        Assert.Equal(
            "A courier wheels a bicycle down an alley.\n\nFramed in a low-angle shot from knee height. "
            + "A steady light rain streaks through the air and leaves every surface glossy. "
            + "Lit by buzzing neon signs spilling saturated colour into deep shadow. "
            + "Shot on 35mm film with fine grain and rich natural colour.",
            result.Text);
    }

    [Fact]
    public async Task EnhanceAsync_AngleAndMoveOrLightAndPalette_ShareOneSentence()
    {
        EnhancementSpec[] cards = [Card("color-palette/cool-blue-monochrome"), Card("camera-motion/tracking-shot"), Card("lighting/moonlight"), Card("camera-angles/low-angle")];

        var result = await _engine.RunAsync(new TextOperation.Enhance("A fox crosses a snowy road.", cards), CancellationToken.None);

        Assert.Equal(
            "A fox crosses a snowy road.\n\nIn a low-angle shot from knee height, the camera tracks alongside at matching speed. "
            + "Lit by cool, pale moonlight from high above, in a palette of steel blue, slate and deep navy.",
            result.Text);
    }

    [Fact]
    public void Enhance_RemovingOneCardOfASharedSentence_RewritesTheSentenceWithTheOther()
    {
        var text = _engine.Enhance("A fox crosses a snowy road.", [Card("lighting/moonlight"), Card("color-palette/cool-blue-monochrome"), Card("style/film-noir")]);

        var without = _engine.Enhance(text + "\nIt looks back once.", [], [Card("lighting/moonlight")]);

        Assert.Equal(
            "A fox crosses a snowy road.\n\nIt looks back once.\n\nThe palette is steel blue, slate and deep navy. "
            + "Shot in high-contrast black and white with hard, slatted shadows, like a 1940s crime film.",
            without);
    }

    [Fact]
    public void Enhance_CardWithTheCatalogTitleButOtherDescription_IsALabelledLine()
    {
        var result = _engine.Enhance("A fox.", [new EnhancementSpec("Golden Hour", "Low warm sun.", "lighting")]);

        Assert.Equal("A fox.\n\nLighting: Golden Hour — low warm sun.", result);
    }

    [Fact]
    public async Task EnhanceAsync_CardsAppliedOneByOneInAnyOrder_MatchesOneMergedCall()
    {
        EnhancementSpec[] cards = [Card("texture/fine-film-grain"), Card("mood/melancholic"), Card("camera-motion/slow-dolly-in")];
        var merged = await _engine.RunAsync(new TextOperation.Enhance("An old man feeds pigeons.", cards), CancellationToken.None);

        var text = "An old man feeds pigeons.";
        foreach (var card in cards.Reverse())
        {
            text = (await _engine.RunAsync(new TextOperation.Enhance(text, [card]), CancellationToken.None)).Text;
        }

        Assert.Equal(merged.Text, text);
    }

    [Fact]
    public async Task EnhanceAsync_TwoCardsOfOneCategoryInOneCall_KeepsTheLast()
    {
        var result = await _engine.RunAsync(new TextOperation.Enhance("A fox.", [Card("lighting/golden-hour"), Card("lighting/moonlight")]), CancellationToken.None);

        Assert.Equal("A fox.\n\nLit by cool, pale moonlight from high above.", result.Text);
    }

    [Fact]
    public async Task EnhanceAsync_UnknownCategory_LabelsClauseWithGivenTextAfterTheShot()
    {
        EnhancementSpec[] cards = [new("Whispered Score", "A faint piano motif under the scene", "Sound Design"), Card("style/film-noir")];

        var result = await _engine.RunAsync(new TextOperation.Enhance("A detective waits.", cards), CancellationToken.None);

        var blocks = result.Text.Split("\n\n");
        Assert.Equal(3, blocks.Length);
        Assert.Equal("Shot in high-contrast black and white with hard, slatted shadows, like a 1940s crime film.", blocks[1]);
        Assert.Equal("Sound Design: Whispered Score — a faint piano motif under the scene.", blocks[2]);
    }

    [Fact]
    public async Task EnhanceAsync_UnknownCategoryAppliedAgainInOtherCase_ReplacesItsClauseWithTheGivenLabel()
    {
        var first = await _engine.RunAsync(new TextOperation.Enhance("A detective waits.", [new("Whispered Score", "A faint piano motif.", "Sound Design")]), CancellationToken.None);

        var second = await _engine.RunAsync(new TextOperation.Enhance(first.Text, [new("Rain Ambience", "Steady rain on the windows.", "sound design")]), CancellationToken.None);

        Assert.Equal("A detective waits.\n\nsound design: Rain Ambience — steady rain on the windows.", second.Text);
    }

    [Fact]
    public async Task EnhanceAsync_HandWrittenCategoryLine_IsReplacedByTheCard()
    {
        const string prompt = "A fox crosses a snowy road.\nlighting: a single streetlamp";

        var result = await _engine.RunAsync(new TextOperation.Enhance(prompt, [Card("lighting/golden-hour")]), CancellationToken.None);

        Assert.Equal("A fox crosses a snowy road.\n\n" + GoldenHourSentence, result.Text);
    }

    [Fact]
    public async Task EnhanceAsync_MultiLineSceneWithColonInProse_KeepsSceneVerbatim()
    {
        const string scene = "Morning in a small harbour town.\n\nNote: the baker opens the shutters first.";

        var result = await _engine.RunAsync(new TextOperation.Enhance(scene, [Card("time-of-day/blue-hour")]), CancellationToken.None);

        Assert.Equal(scene + "\n\nIt is blue hour, and warm windows glow against the deep evening sky.", result.Text);
    }

    [Fact]
    public async Task EnhanceAsync_NoEnhancements_ReturnsThePromptUnchanged()
    {
        var result = await _engine.RunAsync(new TextOperation.Enhance("A fox crosses a snowy road.", []), CancellationToken.None);

        Assert.Equal("A fox crosses a snowy road.", result.Text);
    }

    [Fact]
    public async Task EnhanceAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _engine.RunAsync(new TextOperation.Enhance("A fox.", [Card("lighting/golden-hour")]), cancelled.Token));
    }

    public static TheoryData<string> StreamedOperations => ["enhance", "expand", "structure"];

    [Theory]
    [MemberData(nameof(StreamedOperations))]
    public async Task StreamAsync_AnyOperation_DeltasConcatenateToTheNonStreamingText(string operation)
    {
        var (streamed, expected) = operation switch
        {
            "enhance" => (new TextOperation.Enhance("A fox crosses a snowy road at night.", [Card("lighting/moonlight"), Card("camera-angles/low-angle")]),
                await _engine.RunAsync(new TextOperation.Enhance("A fox crosses a snowy road at night.", [Card("lighting/moonlight"), Card("camera-angles/low-angle")]), CancellationToken.None)),
            "expand" => ((TextOperation)new TextOperation.Expand("a fox crossing a snowy road at night"),
                await _engine.RunAsync(new TextOperation.Expand("a fox crossing a snowy road at night"), CancellationToken.None)),
            _ => (new TextOperation.Structure("A fox crosses a road. The camera tracks it. She says, \"Look.\""),
                await _engine.RunAsync(new TextOperation.Structure("A fox crosses a road. The camera tracks it. She says, \"Look.\""), CancellationToken.None)),
        };

        var chunks = new List<EngineStreamChunk>();
        await foreach (var chunk in _engine.StreamAsync(streamed, CancellationToken.None))
        {
            chunks.Add(chunk);
        }

        var deltas = chunks[..^1];
        Assert.True(deltas.Count > 1, "expected several word-group deltas");
        Assert.All(deltas, d => Assert.Null(d.Final));
        Assert.Equal(expected.Text, string.Concat(deltas.Select(d => d.Delta)));
        Assert.Equal(expected, chunks[^1].Final);
        Assert.Equal(string.Empty, chunks[^1].Delta);
    }

    [Fact]
    public async Task StreamAsync_CancelledMidway_StopsWithCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _engine.StreamAsync(new TextOperation.Expand("a fox crossing a snowy road at night"), cancellation.Token))
            {
                received++;
                await cancellation.CancelAsync();
            }
        });
        Assert.Equal(1, received);
    }

    [Theory]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen", 3)]
    [InlineData("  leading and trailing space  ", 1)]
    [InlineData("", 0)]
    public void WordGroups_Text_SplitsIntoGroupsThatConcatenateBack(string text, int groups)
    {
        var parts = OfflinePromptEngine.WordGroups(text, 6).ToList();

        Assert.Equal(groups, parts.Count);
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public async Task AllOperations_RepeatedAndOnAFreshEngine_GiveIdenticalOutput()
    {
        var other = new OfflinePromptEngine(PromptCatalog.LoadEmbedded());
        const string idea = "a lone skateboarder races down a rain-soaked neon street at night";
        var suggestion = new SuggestionRequest(Catalog.FindCategory("mood")!, 5, idea);

        var runs = new List<string>();
        foreach (var engine in new[] { _engine, _engine, other })
        {
            var expanded = (await engine.RunAsync(new TextOperation.Expand(idea), CancellationToken.None)).Text;
            var enhanced = (await engine.RunAsync(new TextOperation.Enhance(expanded, [Card("weather/heavy-downpour"), Card("mood/tense-suspense")]), CancellationToken.None)).Text;
            var structured = (await engine.RunAsync(new TextOperation.Structure(enhanced), CancellationToken.None)).Text;
            var suggested = (await engine.RunAsync(suggestion, CancellationToken.None)).Suggestions.Select(s => s.Id);
            runs.Add(string.Join("\n|\n", expanded, enhanced, structured, string.Join(',', suggested)));
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Equal(runs[0], runs[2]);
    }

    private static EnhancementSpec Card(string id)
    {
        var enhancement = Catalog.FindEnhancement(id) ?? throw new ArgumentException($"No catalog card {id}.", nameof(id));
        return new EnhancementSpec(enhancement.Title, enhancement.Description, enhancement.Category);
    }
}
