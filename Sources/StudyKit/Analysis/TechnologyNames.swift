/// Names of software technologies (languages, frameworks, databases, platforms, tools), from
/// general knowledge of the field rather than from any corpus or evaluation set. A question that
/// names one its corpus never mentions is about something the corpus does not teach: "how do React
/// hooks work" is not a question about Django middleware, however many words the two share.
///
/// Names that are also everyday words in programming questions ("go", "express", "access",
/// "spring", "rails", "node", "react", "cargo", "composer") are left out, or kept only in a form
/// that cannot be read otherwise ("spring boot", "ruby on rails", "node.js", "reactjs"), so that
/// they never raise a false alarm; names that are English words seldom used in such questions
/// ("python", "chrome", "oracle") are kept. So are data formats (JSON, XML, YAML, Markdown): every
/// web framework's questions use them without being about them.
enum TechnologyNames {
    static let all: [String] = """
        .net
        .net core
        .net framework
        active directory
        activemq
        activerecord
        actix
        ada
        adobe illustrator
        adobe photoshop
        aiohttp
        airflow
        akka
        alembic
        algolia
        alpine
        alpine linux
        alpine.js
        alpinejs
        amazon aurora
        amazon ec2
        amazon rds
        amazon s3
        amazon sqs
        amazon web services
        amqp
        anaconda
        android
        android sdk
        android studio
        angular
        angularjs
        ansible
        ant design
        apache
        apache airflow
        apache ant
        apache beam
        apache cassandra
        apache flink
        apache hadoop
        apache hive
        apache http server
        apache kafka
        apache maven
        apache pulsar
        apache solr
        apache spark
        apache tomcat
        apollo client
        apollo graphql
        apt-get
        arch linux
        arduino
        argo cd
        argocd
        asana
        asgi
        asp.net
        asp.net core
        asp.net mvc
        astro
        auth0
        awk
        aws
        aws lambda
        axios
        axum
        azure
        azure devops
        azure functions
        azure pipelines
        babel
        backbone.js
        backbonejs
        bash
        bazel
        beautiful soup
        beautifulsoup
        bigquery
        bitbucket
        bitbucket pipelines
        blazor
        boto3
        brew
        bundler
        c#
        c++
        caddy
        cakephp
        cassandra
        celery
        centos
        certbot
        chart.js
        chatgpt
        chocolatey
        chromadb
        chrome
        chrome os
        chromeos
        chromium
        circleci
        clang
        clickhouse
        clojure
        clojurescript
        cloudflare
        cloudflare workers
        cloudformation
        cloudfront
        cmake
        cobol
        cockroachdb
        cocoapods
        codeigniter
        coffeescript
        colab
        conda
        confluence
        consul
        contentful
        copilot
        cordova
        cosmos db
        cosmosdb
        couchbase
        couchdb
        cpp
        cpython
        cron
        crontab
        csharp
        css
        css3
        cucumber
        cuda
        curl
        cygwin
        cypress
        cython
        d3
        d3.js
        dart
        dask
        databricks
        datadog
        db2
        dbt
        debian
        delphi
        deno
        dependabot
        digital ocean
        digitalocean
        directx
        discord
        django
        django cms
        django rest framework
        dnf
        docker
        docker compose
        docker swarm
        docker-compose
        dockerfile
        docusaurus
        dotnet
        drf
        dropbox
        drupal
        duckdb
        dynamodb
        ec2
        eclipse
        ecmascript
        ecs
        ef core
        eks
        elastic beanstalk
        elasticsearch
        electron
        elixir
        elk stack
        elm
        emacs
        ember.js
        emberjs
        entity framework
        erlang
        es6
        esbuild
        eslint
        etcd
        excel
        express.js
        expressjs
        f#
        fargate
        fastapi
        fastify
        fedora
        figma
        firebase
        firefox
        firestore
        flake8
        flask
        flink
        flutter
        fly.io
        fortran
        freebsd
        fsharp
        gamemaker
        gatsby
        gcc
        gcp
        gdb
        ggplot2
        git
        git bash
        github
        github actions
        github copilot
        github desktop
        gitlab
        gitlab ci
        gmail
        godot
        golang
        google analytics
        google app engine
        google chrome
        google cloud
        google cloud functions
        google cloud platform
        google cloud run
        google colab
        google docs
        google drive
        google maps
        google play
        google sheets
        google workspace
        gradle
        grafana
        graphql
        grep
        groovy
        grpc
        gtk
        gulp
        gunicorn
        hadoop
        handlebars
        haproxy
        hashicorp vault
        haskell
        hdfs
        helm
        heroku
        hibernate
        homebrew
        html
        html5
        htmx
        httpd
        hugging face
        huggingface
        hugo
        hyper-v
        iis
        influxdb
        intellij
        intellij idea
        internet explorer
        ionic
        ios
        iptables
        ipython
        istio
        jakarta ee
        jasmine
        java
        java ee
        javafx
        javascript
        jax
        jdk
        jekyll
        jenkins
        jest
        jetpack compose
        jinja
        jinja2
        jira
        jmeter
        joomla
        jq
        jquery
        jre
        jsp
        jsx
        julia
        junit
        jupyter
        jupyter notebook
        jupyterlab
        jvm
        jwt
        k8s
        kafka
        kaggle
        kali linux
        keras
        keycloak
        kibana
        kinesis
        kivy
        koa
        kotlin
        kubectl
        kubernetes
        kvm
        lamp stack
        langchain
        laravel
        latex
        ldap
        let's encrypt
        letsencrypt
        libreoffice
        linode
        linq
        linux
        linux mint
        lisp
        llvm
        lodash
        log4j
        logstash
        lombok
        lua
        lucene
        mac os
        macos
        magento
        manjaro
        mapreduce
        mariadb
        material ui
        matlab
        matplotlib
        maven
        mean stack
        memcached
        mercurial
        mern stack
        meteor.js
        micropython
        microsoft 365
        microsoft access
        microsoft azure
        microsoft edge
        microsoft excel
        microsoft office
        microsoft outlook
        microsoft sql server
        microsoft teams
        microsoft word
        mingw
        minikube
        mkdocs
        mlflow
        mocha
        mockito
        mongo
        mongodb
        mongoose
        mqtt
        ms access
        ms office
        ms word
        mssql
        msvc
        mui
        mypy
        mysql
        nats
        neo4j
        neovim
        nest.js
        nestjs
        netbeans
        netlify
        new relic
        next.js
        nextjs
        nginx
        ngrok
        nixos
        nltk
        nmap
        node.js
        nodejs
        nodemon
        notepad++
        npm
        npx
        nuget
        numpy
        nuxt
        nuxt.js
        nuxtjs
        nvim
        nvm
        oauth
        oauth2
        objective-c
        ocaml
        office 365
        onedrive
        openai
        openapi
        opencv
        opengl
        openid connect
        openjdk
        openoffice
        opensearch
        openshift
        openssl
        openstack
        opensuse
        opentelemetry
        oracle
        oracle cloud
        os x
        osx
        pacman
        pandas
        paramiko
        pascal
        paypal
        perl
        phoenix
        photoshop
        php
        phpstorm
        phpunit
        pillow
        pip
        pipenv
        pipx
        play framework
        playwright
        plotly
        plsql
        pm2
        pnpm
        podman
        polars
        postcss
        postgres
        postgresql
        postman
        power bi
        powerpoint
        powershell
        preact
        presto
        prisma
        prometheus
        protobuf
        protocol buffers
        psycopg2
        pulumi
        puppeteer
        pycharm
        pydantic
        pyenv
        pygame
        pylint
        pymongo
        pypy
        pyqt
        pyspark
        pytest
        python
        python3
        pythonanywhere
        pytorch
        qt
        quarkus
        r shiny
        rabbitmq
        raspberry pi
        raspberry pi os
        razor
        rbenv
        rds
        react native
        react.js
        reactjs
        red hat
        redhat
        redis
        redshift
        redux
        replit
        rhel
        roblox
        rocky linux
        route 53
        route53
        rspec
        rstudio
        ruby
        ruby on rails
        rubygems
        ruff
        rust
        rvm
        rxjs
        s3
        safari
        sagemaker
        salesforce
        saml
        sap
        sass
        scala
        scikit-learn
        scipy
        scrapy
        scss
        sdl
        seaborn
        sed
        selenium
        sendgrid
        sentry
        sequelize
        serverless framework
        setuptools
        sharepoint
        shopify
        sidekiq
        signalr
        sinatra
        sklearn
        snowflake
        socket.io
        solidity
        solidjs
        solr
        sonarqube
        spacy
        spark
        sphinx
        splunk
        spring boot
        spring framework
        spring mvc
        spring security
        spyder
        sql
        sql server
        sqlalchemy
        sqlite
        sqlite3
        sqs
        squarespace
        ssh
        storybook
        strapi
        streamlit
        struts
        styled-components
        sublime text
        subversion
        supabase
        svelte
        sveltekit
        svn
        swagger
        swift
        swift package manager
        swiftui
        symfony
        systemd
        tableau
        tailwind
        tailwind css
        tailwindcss
        tauri
        tensorflow
        terraform
        three.js
        threejs
        thymeleaf
        tkinter
        tmux
        tokio
        tomcat
        traefik
        travis ci
        trello
        trino
        tsql
        twilio
        typeorm
        typescript
        ubuntu
        uikit
        unittest
        unity3d
        unix
        unreal engine
        uvicorn
        uwsgi
        vagrant
        vb.net
        vba
        venv
        vercel
        vim
        virtualbox
        virtualenv
        visual basic
        visual studio
        visual studio code
        vite
        vitest
        vmware
        vs code
        vscode
        vue
        vue.js
        vuejs
        vulkan
        wagtail
        wasm
        webassembly
        webgl
        webpack
        webrtc
        websocket
        websockets
        webstorm
        wget
        windows 10
        windows 11
        windows forms
        windows server
        windows terminal
        winforms
        wireguard
        wireshark
        wix
        woocommerce
        wordpress
        wpf
        wsgi
        wsl
        wsl2
        xamarin
        xampp
        xcode
        xgboost
        yarn
        yum
        zeromq
        zig
        zmq
        zookeeper
        zsh
        """.split(separator: "\n").map(String.init)

    /// The names by their first word, so that a query's few candidates are found without
    /// analysing every name (which would cost start-up its milliseconds).
    static let byFirstWord: [String: [String]] = Dictionary(grouping: all) { String($0.prefix { $0 != " " }) }

    /// Every word of every name, as typed: words the spelling corrector must leave alone.
    static let words: Set<String> = Set(all.flatMap { $0.split(separator: " ").map(String.init) })

    /// The one-word names as index terms (`postgres` → `postgr`): the short spellings whose longer
    /// forms name the same thing. Analysed on first use, which only a query naming one needs.
    static let singleWordTerms: Set<String> = {
        let analyzer = Analyzer()
        return Set(all.filter { !$0.contains(" ") }.flatMap { analyzer.phraseTerms($0) })
    }()
}
