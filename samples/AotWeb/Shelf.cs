using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Sprig;
using Sprig.Web;

namespace AotWebSample;

/// <summary>A book on the shelf.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Title">Its title.</param>
public sealed record Book(int Id, string Title);

/// <summary>A memo: its type limits the body of the actions that take it (metadata it gives itself, as RequestDelegateFactory asks it).</summary>
/// <param name="Text">What it says.</param>
public sealed record Memo(string Text) : IEndpointMetadataProvider
{
    /// <inheritdoc/>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => builder.Metadata.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(32));
}

/// <summary>The shelf's contract: the body limit written on its method holds for the controller that implements it.</summary>
public interface IShelf
{
    /// <summary>Files a book; its body may be at most 16 bytes.</summary>
    /// <param name="book">The book.</param>
    /// <returns>What was filed.</returns>
    [Microsoft.AspNetCore.Mvc.RequestSizeLimit(16)]
    string File(Book book);
}

/// <summary>
/// A [Controller] served under Native AOT through the request delegates Sprig.Generator wrote for it: route, query and JSON body
/// binding as in minimal APIs, JSON, text and IResult answers, conventional routes (GetList is GET /books/list), metadata from a
/// parameter's type (Memo's body limit) and from an interface it implements (IShelf's); Dispose and IProgress&lt;int&gt;.Report are not actions.
/// </summary>
[Controller(Url = "/books")]
public sealed class BookController(Prices prices) : IShelf, IProgress<int>, IDisposable
{
    private static readonly List<Book> Books = [new(1, "Dune")];

    [Get("/{id}")]
    public IResult Find(int id) => Books.FirstOrDefault(b => b.Id == id) is { } book ? Results.Ok(book) : Results.NotFound();

    public List<Book> GetList() => Books;

    [Get("/price")]
    public string Price(string item, int quantity = 1) => $"{quantity} x {item} = {prices.Of(item) * quantity} cents";

    public Book Create(Book book)
    {
        Books.Add(book);
        return book;
    }

    /// <inheritdoc/>
    [Post("/file")]
    public string File(Book book) => $"filed {book.Title}";

    [Post("/memo")]
    public string Note(Memo memo) => $"memo: {memo.Text}";

    /// <summary>Implements a framework interface: not an action.</summary>
    public void Report(int value)
    {
    }

    /// <summary>Not an action.</summary>
    public void Dispose()
    {
    }
}
