using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Data;

namespace SoraPromptGenie.Tests.Data;

/// <summary>The context's provider comes from the same checked options as its connection string, read from the container.</summary>
public sealed class DataRegistrationTests
{
    [Theory]
    [InlineData(null, typeof(SqliteAppDbContext))]
    [InlineData("postgres://app:secret@db.example/sora", typeof(PostgresAppDbContext))]
    public async Task AppDbContext_DatabaseUrlSetAfterRegistration_FollowsTheSettingsTheContainerReads(string? url, Type expected)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.AddData();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Url"] = url });
        await using var services = builder.Services.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();

        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.IsType(expected, context);
    }
}
