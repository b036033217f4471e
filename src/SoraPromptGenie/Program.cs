using Scalar.AspNetCore;
using SoraPromptGenie.Ai;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Health;
using SoraPromptGenie.Ops.Telemetry;
using SoraPromptGenie.Prompting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddOps();
    builder.AddAi();
    builder.Services.AddPrompting();
    builder.Services.AddValidation();
    builder.Services.AddOpenApi();

    var app = builder.Build();
    app.UseOps();
    app.MapOpenApi();
    app.MapScalarApiReference("/api-reference");
    app.MapHealth();
    app.MapMetrics();
    var api = app.MapGroup("/api");
    api.MapCatalog();
    api.MapPrompting();
    api.MapGuide();
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
