namespace SoraPromptGenie.Ops.Configuration;

/// <summary>An area's start-up check of its own settings: adds one problem per bad value, naming the variable.</summary>
public delegate void ConfigurationCheck(IConfiguration configuration, IHostEnvironment environment, ConfigurationProblems problems);
