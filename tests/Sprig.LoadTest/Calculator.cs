namespace Sprig.LoadTest;

/// <summary>The work both servers do: add two numbers from a JSON body.</summary>
[Component]
public sealed class Calculator
{
    [Endpoint("add")]
    public int Add(int a, int b) => a + b;
}

/// <summary>The minimal API's request body.</summary>
public sealed record AddRequest(int A, int B);
