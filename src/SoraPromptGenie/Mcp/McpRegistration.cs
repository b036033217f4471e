using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Logging;
using SoraPromptGenie.Ops.Telemetry;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// The MCP server: the prompt and library tools, the catalog and target resources and the shot prompts over Streamable
/// HTTP at <see cref="Path"/> in the running app, or, started with the <see cref="StdioCommand"/> argument, the same
/// services over stdin/stdout with no HTTP listener (logs go to the files and stderr, stdout carries only the protocol)
/// until stdin closes.
/// </summary>
public static class McpRegistration
{
    public const string Path = "/mcp";
    public const string StdioCommand = "mcp";

    public static bool IsStdioCommand(IEnumerable<string> args) => args.Contains(StdioCommand, StringComparer.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddMcp(this WebApplicationBuilder builder, bool stdio)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddCheckedOptions<McpOptions>(McpOptions.SectionName);
        services.AddHttpContextAccessor();
        services.AddSingleton(new McpTransport(stdio));
        services.AddSingleton<ToolRunner>();
        services.AddScoped<McpWorkspace>();
        services.AddSingleton<IPostConfigureOptions<McpServerOptions>, ToolSchemas>();
        var server = services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "sora-prompt-genie", Title = "SoraPromptGenie", Version = BuildInfo.Version };
                options.ServerInstructions =
                    "Writes and improves text-to-video prompts for a video model. Pick a target with list_targets (or read " +
                    "spg://targets/{id}) and pass it to every tool. Start with expand_idea or a prompt of your own, pick cards with " +
                    "list_categories or suggest_enhancements and apply them with enhance_prompt, check with lint_prompt, export with " +
                    "build_video_request, and keep the result with save_prompt (list_prompts and get_prompt read the library; " +
                    "they need a workspace key).";
            })
            .WithTools<PromptTools>(McpJson.Options)
            .WithTools<LibraryTools>(McpJson.Options)
            .WithResources<PromptResources>()
            .WithListResourcesHandler(PromptResources.ListAsync)
            .WithPrompts<ShotPrompts>(McpJson.Options)
            .WithCompleteHandler(TargetCompletions.CompleteAsync);
        if (stdio)
        {
            server.WithStdioServerTransport();
            services.AddSingleton<IServer, NoHttpServer>();
            services.AddSingleton<StandardErrorConsole>();
        }
        else
        {
            // Stateless: any instance answers any request, as with the JSON API behind the load balancer.
            server.WithHttpTransport(options => options.Stateless = true);
        }

        return builder;
    }

    public static WebApplication MapMcpServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<IServer>() is NoHttpServer)
        {
            return app;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), guarded => guarded.UseMiddleware<McpHttpGuard>());
        app.MapMcp(Path).WithTags("MCP").ExcludeFromDescription();
        return app;
    }
}

/// <summary>The web server of the stdio mode: none, so a stdio server never takes the app's port.</summary>
internal sealed class NoHttpServer : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
