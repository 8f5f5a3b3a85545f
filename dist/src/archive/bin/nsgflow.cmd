@echo off
rem nsgflow for Windows: runs lib\nsgflow.jar with Java 17 or newer, from JAVA_HOME or PATH,
rem with the JVM options of bin\jvm.options (those of bin/nsgflow). Exit 69: no Java found.
setlocal
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if "%JAVA%"=="java" where java >nul 2>nul || (echo nsgflow: Java 17 or newer is needed: put java on PATH or set JAVA_HOME 1>&2 & exit /b 69)
set /p JVM_OPTS=<"%~dp0jvm.options"
"%JAVA%" %JVM_OPTS% %NSGFLOW_JAVA_OPTS% -jar "%~dp0..\lib\nsgflow.jar" %*
exit /b %ERRORLEVEL%
