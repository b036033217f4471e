using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Usage;

/// <summary>
/// Inserts a batch of ledger rows in one transaction: on PostgreSQL as one ADO.NET batch (one round trip), on SQLite with
/// one prepared <c>INSERT</c> run once per row.
/// <para>
/// <c>SaveChanges</c> generated the SQL and tracked every entity of every batch: about a quarter of everything the
/// server allocated per AI request. Table, columns and parameter types still come from the EF model (type mappings and
/// value converters included), so rows are stored exactly as EF would store them and follow the migrations.
/// </para>
/// </summary>
internal static class LedgerRowInserter
{
    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<LlmCall> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = Columns(db);
        var sql = InsertSql(db, columns);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            if (connection.CanCreateBatch)
            {
                await InsertAsOneBatchAsync(connection, transaction.GetDbTransaction(), sql, columns, rows, cancellationToken);
            }
            else
            {
                await InsertRowByRowAsync(connection, transaction.GetDbTransaction(), sql, columns, rows, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>PostgreSQL: every row's statement in one round trip, as SaveChanges batched them.</summary>
    private static async Task InsertAsOneBatchAsync(
        DbConnection connection, DbTransaction transaction, string sql, List<Column> columns, IReadOnlyList<LlmCall> rows, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        await using var parameterFactory = connection.CreateCommand();
        foreach (var row in rows)
        {
            var statement = batch.CreateBatchCommand();
            statement.CommandText = sql;
            foreach (var column in columns)
            {
                statement.Parameters.Add(column.Mapping.CreateParameter(
                    parameterFactory, column.ParameterName, column.Property.GetGetter().GetClrValue(row), column.Property.IsNullable));
            }

            batch.BatchCommands.Add(statement);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>SQLite (in process, so round trips cost nothing): one prepared statement, its parameters re-bound per row.</summary>
    private static async Task InsertRowByRowAsync(
        DbConnection connection, DbTransaction transaction, string sql, List<Column> columns, IReadOnlyList<LlmCall> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = columns[i].Mapping.CreateParameter(
                command, columns[i].ParameterName, columns[i].Property.GetGetter().GetClrValue(rows[0]), columns[i].Property.IsNullable);
            command.Parameters.Add(parameters[i]);
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ProviderValue(columns[i], row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object? ProviderValue(Column column, LlmCall row)
    {
        var value = column.Property.GetGetter().GetClrValue(row);
        return value is not null && column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    private static List<Column> Columns(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(LlmCall)) ?? throw new InvalidOperationException("LlmCall is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        return entity.GetProperties()
            .Select((property, index) => new Column(
                property,
                property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column"),
                sql.GenerateParameterName($"p{index}"),
                property.GetRelationalTypeMapping()))
            .ToList();
    }

    private static string InsertSql(AppDbContext db, List<Column> columns)
    {
        var entity = db.Model.FindEntityType(typeof(LlmCall))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        return $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.ParameterName))})";
    }

    private sealed record Column(IProperty Property, string Name, string ParameterName, RelationalTypeMapping Mapping);
}
