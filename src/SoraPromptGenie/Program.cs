using Scalar.AspNetCore;
using SoraPromptGenie.Ai;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Health;
using SoraPromptGenie.Prompting;
using SoraPromptGenie.Studio;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddOps();
    builder.AddAi();
    builder.Services.AddPrompting();
    builder.Services.AddValidation();
    builder.Services.AddOpenApi();
    builder.Services.AddStudio();

    var app = builder.Build();
    app.UseOps();
    app.UseAntiforgery();
    app.MapStudioAssets();
    app.MapOpenApi();
    app.MapScalarApiReference("/api-reference");
    app.MapHealth();
    var api = app.MapGroup("/api");
    api.MapCatalog();
    api.MapPrompting();
    api.MapGuide();
    app.MapStudio();
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
