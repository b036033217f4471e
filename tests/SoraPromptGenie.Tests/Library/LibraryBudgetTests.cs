using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Tests.Library;

/// <summary>
/// The studio's library writes spend the client's general budget (5 per window here), as the same writes through the
/// JSON API do; and the library's caps hold in the studio too.
/// </summary>
public sealed class LibraryBudgetTests : LibraryTestContext
{
    private const int General = 5;
    private const string Client = "203.0.113.44";
    private const string Text = "A red fox trots along a snowy road at dusk.";

    public LibraryBudgetTests()
    {
        Services.AddSingleton(Options.Create(new RateLimitingOptions { General = $"{General}/86400" }));
    }

    private ClientRateLimiter Limiter => Services.GetRequiredService<ClientRateLimiter>();

    [Fact]
    public async Task SaveAsync_ManyTimesInARow_StopsAtTheGeneralLimitWithARateLimitNotice()
    {
        SignIn();
        Services.GetRequiredService<CircuitClient>().Capture(Client);
        var messages = new List<string>();

        for (var i = 1; i <= 30; i++)
        {
            Session.Edit($"{Text} Take {i}.");
            await Library.SaveAsync("Fox", CancellationToken.None);
            messages.Add(Library.Message!.Text);
        }

        Assert.Equal(General, Library.Open!.Version);
        Assert.All(messages.Skip(General), m => Assert.StartsWith("Too many requests — try again in ", m, StringComparison.Ordinal));
        Assert.Equal(NoticeKind.Warning, Library.Message!.Kind);
        Assert.Equal(General, (await Direct().ListVersionsAsync(WorkspaceId, Library.Open.Id, null, 1, 100, CancellationToken.None))!.Total);
    }

    [Fact]
    public async Task WriteActions_EachSpendOneGeneralRequest_ReadsSpendNone()
    {
        SignIn();
        Services.GetRequiredService<CircuitClient>().Capture(Client);
        Session.Edit(Text);

        await Library.SaveAsync("Fox", CancellationToken.None);
        await Library.RenameAsync("Snow fox", CancellationToken.None);
        await Library.ShareAsync(new Uri("https://genie.example/"), CancellationToken.None);
        await Library.RevokeShareAsync(CancellationToken.None);
        await Library.RefreshAsync(CancellationToken.None);
        await Library.SearchAsync("fox", CancellationToken.None);
        await Library.OpenAsync(Library.Open!.Id, CancellationToken.None);

        var next = await Limiter.HitGeneralAsync(Client, CancellationToken.None);

        Assert.True(next.Allowed);
        Assert.Equal(0, next.Remaining);
    }

    [Fact]
    public async Task RestoreAndDelete_BudgetSpentByTheApi_AreRefusedAndWriteNothing()
    {
        SignIn();
        Services.GetRequiredService<CircuitClient>().Capture(Client);
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);
        Session.Edit("A second take.");
        await Library.SaveAsync(null, CancellationToken.None);

        // The same client, another address of its IPv4 form, spends the rest through the JSON API.
        for (var i = 0; i < General - 2; i++)
        {
            await Limiter.HitGeneralAsync("::ffff:" + Client, CancellationToken.None);
        }

        await Library.RestoreAsync(1, CancellationToken.None);
        var afterRestore = Library.Message!.Text;
        await Library.DeleteAsync(Library.Open!.Id, CancellationToken.None);

        Assert.StartsWith("Too many requests", afterRestore, StringComparison.Ordinal);
        Assert.StartsWith("Too many requests", Library.Message!.Text, StringComparison.Ordinal);
        var stored = await Direct().GetPromptAsync(WorkspaceId, Library.Open!.Id, CancellationToken.None);
        Assert.Equal(2, stored!.Version);
    }

    [Fact]
    public async Task SaveAsync_WorkspaceFull_ShowsTheCapAndSavesNothing()
    {
        Limits.MaxPromptsPerWorkspace = 2;
        SignIn();
        var direct = Direct();
        await direct.CreatePromptAsync(WorkspaceId, new PromptDraft("One", Text), CancellationToken.None);
        await direct.CreatePromptAsync(WorkspaceId, new PromptDraft("Two", Text), CancellationToken.None);
        Session.Edit(Text);

        await Library.SaveAsync("Three", CancellationToken.None);

        Assert.Equal("This library already holds 2 prompts, the most it can keep; delete one to save another.", Library.Message!.Text);
        Assert.Null(Library.Open);
        Assert.Equal(Text, Session.Prompt);
        Assert.Equal(2, (await Direct().ListPromptsAsync(WorkspaceId, null, 1, 10, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task SaveAsync_PromptAtTheVersionCap_ShowsTheCapAndKeepsTheEditorText()
    {
        Limits.MaxVersionsPerPrompt = 2;
        SignIn();
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);
        Session.Edit("A second take.");
        await Library.SaveAsync(null, CancellationToken.None);
        Session.Edit("A third take.");

        await Library.SaveAsync(null, CancellationToken.None);

        Assert.Equal("This prompt already has 2 versions, the most one prompt can keep; save it as a new prompt to go on.", Library.Message!.Text);
        Assert.Equal(2, Library.Open!.Version);
        Assert.Equal("A third take.", Session.Prompt);
    }
}
