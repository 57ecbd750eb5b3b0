namespace Quickstart;

/// <summary>A SAGE-style service with no attribute at all: Program registers it by name, "hello_service".</summary>
public class HelloService
{
    public string Greet(string who) => $"Hello, {who}!";
}
