namespace Sprig.Nats.Server;

/// <summary>An answer (result or item) over the NATS server's max_payload; the caller gets a 500 that says so.</summary>
internal sealed class AnswerTooLargeException(string message) : Exception(message);
