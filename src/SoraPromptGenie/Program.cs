using Scalar.AspNetCore;
using SoraPromptGenie.Ai;
using SoraPromptGenie.Components;
using SoraPromptGenie.Data;
using SoraPromptGenie.Library;
using SoraPromptGenie.Mcp;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Health;
using SoraPromptGenie.Ops.Hosting;
using SoraPromptGenie.Ops.OpenApi;
using SoraPromptGenie.Ops.Telemetry;
using SoraPromptGenie.Prompting;
using SoraPromptGenie.Storyboards;
using SoraPromptGenie.Studio;
using SoraPromptGenie.Usage;

try
{
    // Settings are read once at start (environment variables, appsettings.json). Reload-on-change would watch the
    // whole content root, where the log files and the SQLite database are written on every request.
    var builder = WebApplication.CreateBuilder(AppContentRoot.Options([.. args, "--hostBuilder:reloadConfigOnChange=false"]));
    builder.AddOps();
    builder.AddData();
    builder.AddAi();
    builder.Services.AddLibrary();
    builder.Services.AddStoryboardLibrary();
    builder.Services.AddStoryboardExport();
    builder.Services.AddUsage();
    builder.Services.AddPrompting();
    builder.Services.AddStoryboardDrafts();
    builder.Services.AddValidation();
    builder.Services.AddApiDocument();
    builder.AddStudio();
    builder.AddMcp(stdio: McpRegistration.IsStdioCommand(args));

    var app = builder.Build();
    if (args.Contains(DatabaseStartup.MigrateCommand, StringComparer.OrdinalIgnoreCase))
    {
        return await DatabaseStartup.RunMigrateCommandAsync(app.Services);
    }

    app.BeginDatabaseCheck();

    app.UseOps();
    app.UseWorkspaceAuth();
    app.UseAntiforgery();
    app.MapStudioAssets();
    app.MapOpenApi();
    app.MapScalarApiReference("/api-reference");
    app.MapHealth();
    app.MapMetrics();
    var api = app.MapGroup("/api");
    api.MapCatalog();
    api.MapPrompting();
    api.MapStoryboardDrafts();
    api.MapGuide();
    api.MapTargets();
    api.MapLibrary();
    api.MapStoryboardLibrary();
    api.MapStoryboardExport();
    api.MapUsage();
    app.MapMcpServer();
    app.MapWorkspaceSession();
    app.MapPages();
    await app.RunAsync();
    return 0;
}
catch (ConfigurationProblemsException problems)
{
    foreach (var problem in problems.Problems)
    {
        await Console.Error.WriteLineAsync(problem);
    }

    return 1;
}
catch (DatabaseStartupException database)
{
    await Console.Error.WriteLineAsync(database.Message);
    return 1;
}
