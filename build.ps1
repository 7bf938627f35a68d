<#
.SYNOPSIS
  SiteGen for instructors on Windows: build, serve, check or test the course site.
.EXAMPLE
  ./build.ps1 build            # content/ -> site/ (only what changed since the last build)
  ./build.ps1 build -BaseUrl /my-course/ -Clean
  ./build.ps1 serve            # live preview on http://127.0.0.1:4000/, rebuilds and reloads on save
  ./build.ps1 serve -Port 4001
  ./build.ps1 check            # validate, write nothing
  ./build.ps1 test
#>
param(
  [ValidateSet("build", "serve", "check", "test")]
  [string]$Command = "build",
  [string]$Content = "content",
  [string]$Out = "site",
  [string]$BaseUrl = "",
  [int]$Port = 4000,
  [switch]$Strict,
  [switch]$Clean
)
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$cli = @("run", "--project", "src/SiteGen.Cli", "--")
switch ($Command) {
  "test" { dotnet test; break }
  default {
    $arguments = $cli + @($Command, "--content", $Content)
    if ($Command -eq "build" -or $Command -eq "serve") { $arguments += @("--out", $Out) }
    if ($BaseUrl) { $arguments += @("--base-url", $BaseUrl) }
    if ($Command -eq "serve") { $arguments += @("--port", $Port) }
    if ($Strict -and $Command -ne "serve") { $arguments += "--strict" }
    if ($Clean -and $Command -eq "build") { $arguments += "--clean" }
    dotnet @arguments
  }
}
exit $LASTEXITCODE
