# Dateline: the same steps as the README's run command, as a non-root service.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATELINE_DATABASE_URL=sqlite:////data/dateline.db

WORKDIR /src
COPY pyproject.toml README.md ./
COPY app ./app
COPY templates ./templates
COPY static ./static
COPY migrations ./migrations
COPY seeds ./seeds
RUN pip install --no-cache-dir . && rm -rf /src

RUN useradd --system --create-home --uid 10001 dateline \
    && mkdir -p /data && chown dateline:dateline /data
USER dateline
WORKDIR /home/dateline
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"

CMD ["dateline", "serve", "--host", "0.0.0.0", "--port", "8000"]
