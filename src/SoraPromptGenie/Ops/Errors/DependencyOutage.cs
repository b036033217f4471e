namespace SoraPromptGenie.Ops.Errors;

/// <summary>
/// An exception an area recognises (<c>Matches</c>) as one of its dependencies being out, answered 503 with its own
/// code and message; <c>Dependency</c> names it in the warning logged instead of an error-level stack trace. Areas
/// register theirs as a singleton (Data: the database); <see cref="ExceptionClassifier"/> receives them all.
/// </summary>
public sealed record DependencyOutage(string Dependency, string Code, string Message, Func<Exception, bool> Matches);
