using Microsoft.Extensions.Configuration;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Library;

public sealed class LibraryOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new LibraryOptions();

        Assert.Equal((500, 200, 30), (options.MaxPromptsPerWorkspace, options.MaxVersionsPerPrompt, options.EmptyWorkspaceRetentionDays));
    }

    [Theory]
    [InlineData("Library:MaxPromptsPerWorkspace", "0")]
    [InlineData("Library:MaxPromptsPerWorkspace", "lots")]
    [InlineData("Library:MaxVersionsPerPrompt", "-1")]
    [InlineData("Library:MaxVersionsPerPrompt", "1000001")]
    [InlineData("Library:EmptyWorkspaceRetentionDays", "-30")]
    [InlineData("Library:EmptyWorkspaceRetentionDays", "30d")]
    public void Validate_BadValue_OneLineNamingTheKey(string key, string value)
    {
        var problems = Validate(new() { [key] = value });

        Assert.StartsWith(key + ": ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadValues_WordedWithTheRangeInOneRun()
    {
        var problems = Validate(new() { ["Library:MaxPromptsPerWorkspace"] = "lots", ["Library:MaxVersionsPerPrompt"] = "1000001" });

        Assert.Equal(
            ["Library:MaxPromptsPerWorkspace: 'lots' is not a whole number from 1 to 1,000,000.", "Library:MaxVersionsPerPrompt: '1000001' is not a whole number from 1 to 1,000,000."],
            problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_GoodValues_NoProblems()
    {
        var problems = Validate(new()
        {
            ["Library:MaxPromptsPerWorkspace"] = "1",
            ["Library:MaxVersionsPerPrompt"] = "1000000",
            ["Library:EmptyWorkspaceRetentionDays"] = "0",
        });

        Assert.Empty(problems);
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings) =>
        OptionsCheck.Problems(settings, services => services.AddLibrary());
}
