using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops;

namespace SoraPromptGenie.Tests.Library;

/// <summary>The library panel saves the editor's target and parameters with its text and hands them back on open and restore.</summary>
public sealed class LibrarySessionTargetTests : LibraryTestContext
{
    private const string Text = "A red fox trots along a snowy road at dusk.";

    private static readonly TargetChoice Veo = new("veo-3.1", new Dictionary<string, string> { ["aspectRatio"] = "9:16", ["durationSeconds"] = "8" });

    private readonly EditorDouble _editor = new();

    public LibrarySessionTargetTests()
    {
        Services.AddScoped<IPromptEditor>(_ => _editor);
    }

    [Fact]
    public async Task SaveAsync_EditorWithTarget_SavesTheTargetAndParametersWithTheText()
    {
        SignIn();
        _editor.Text = Text;
        _editor.Target = new TargetChoice("VEO-3.1", new Dictionary<string, string> { ["durationseconds"] = "8", ["aspectRatio"] = "9:16" });

        await Library.SaveAsync("Fox", CancellationToken.None);

        Assert.Equal(NoticeKind.Info, Library.Message!.Kind);
        var stored = (await Direct().GetPromptAsync(WorkspaceId, Library.Open!.Id, CancellationToken.None))!;
        AssertChoice(Veo, SavedTarget.Of(stored.Target, stored.Parameters));
        AssertChoice(Veo, SavedTarget.Of(Library.Open.Target, Library.Open.Parameters));
        var version = Assert.Single(Library.Versions!.Items);
        AssertChoice(Veo, SavedTarget.Of(version.Target, version.Parameters));
    }

    [Fact]
    public async Task OpenAsync_PromptSavedWithTarget_ReturnsItsTargetWithTheText()
    {
        SignIn();
        var saved = (await Direct().CreatePromptAsync(WorkspaceId, new PromptDraft("Fox", Text, Target: Veo), CancellationToken.None)).Prompt!;

        var opened = await Library.OpenAsync(saved.Id, CancellationToken.None);

        Assert.Equal((Text, "Opened: Fox"), (opened!.Text, opened.Label));
        AssertChoice(Veo, opened.Target);
    }

    [Fact]
    public async Task RestoreAsync_VersionSavedForAnotherTarget_ReturnsThatTargetAndItsParameters()
    {
        SignIn();
        _editor.Text = Text;
        _editor.Target = Veo;
        await Library.SaveAsync("Fox", CancellationToken.None);
        _editor.Text = Text + " Handheld.";
        _editor.Target = new TargetChoice("kling-v3", new Dictionary<string, string> { ["mode"] = "pro" });
        await Library.SaveAsync(null, CancellationToken.None);
        Assert.Equal(("kling-v3", 2), (Library.Open!.Target, Library.Open.Version));

        var restored = await Library.RestoreAsync(1, CancellationToken.None);

        Assert.Equal((Text, "Restored version 1: Fox"), (restored!.Text, restored.Label));
        AssertChoice(Veo, restored.Target);
        Assert.Equal(3, Library.Open!.Version);
        AssertChoice(Veo, SavedTarget.Of(Library.Open.Target, Library.Open.Parameters));
    }

    [Fact]
    public async Task SaveAsync_EditorTargetWithoutParameters_OpensWithAnEmptyParameterSet()
    {
        SignIn();
        _editor.Text = Text;
        _editor.Target = new TargetChoice("generic", new Dictionary<string, string>());
        await Library.SaveAsync("Fox", CancellationToken.None);

        var opened = await Library.OpenAsync(Library.Open!.Id, CancellationToken.None);

        Assert.Equal("generic", opened!.Target!.Target);
        Assert.Empty(opened.Target.Parameters);
    }

    [Fact]
    public async Task SaveAsync_EditorTargetTheProfileDoesNotAllow_ShowsWhichValueAndSavesNothing()
    {
        SignIn();
        _editor.Text = Text;
        _editor.Target = new TargetChoice("veo-3.1", new Dictionary<string, string> { ["aspectRatio"] = "4:3" });

        await Library.SaveAsync("Fox", CancellationToken.None);

        Assert.Equal(NoticeKind.Warning, Library.Message!.Kind);
        Assert.Equal("parameters.aspectRatio 4:3 is not available for veo-3.1; choose 16:9 or 9:16.", Library.Message.Text);
        Assert.Null(Library.Open);
        Assert.Equal(0, (await Direct().ListPromptsAsync(WorkspaceId, null, 1, 10, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task SaveAsync_TargetChangedOnly_AddsAVersionAndClearingItAddsAnother()
    {
        SignIn();
        _editor.Text = Text;
        _editor.Target = Veo;
        await Library.SaveAsync("Fox", CancellationToken.None);
        _editor.Target = Veo with { Parameters = new Dictionary<string, string> { ["aspectRatio"] = "16:9" } };

        await Library.SaveAsync(null, CancellationToken.None);
        _editor.Target = null;
        await Library.SaveAsync(null, CancellationToken.None);

        Assert.Equal(3, Library.Open!.Version);
        Assert.Null(Library.Open.Target);
        Assert.Equal(
            [null, "16:9", "9:16"],
            Library.Versions!.Items.Select(v => v.Parameters?.GetValueOrDefault("aspectRatio")));
    }

    [Fact]
    public async Task RenameAsync_PromptWithTarget_KeepsItsTarget()
    {
        SignIn();
        _editor.Text = Text;
        _editor.Target = Veo;
        await Library.SaveAsync("Fox", CancellationToken.None);
        _editor.Target = null;

        await Library.RenameAsync("Snow fox", CancellationToken.None);

        Assert.Equal(("Snow fox", 2), (Library.Open!.Title, Library.Open.Version));
        AssertChoice(Veo, SavedTarget.Of(Library.Open.Target, Library.Open.Parameters));
    }

    private static void AssertChoice(TargetChoice expected, TargetChoice? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Target, actual.Target);
        Assert.Equal(expected.Parameters, actual.Parameters);
    }

    /// <summary>The editor as the library reads it, with the text and target a test puts in it.</summary>
    private sealed class EditorDouble : IPromptEditor
    {
        public string Text { get; set; } = string.Empty;

        public bool IsBusy => false;

        public TargetChoice? Target { get; set; }
    }
}
