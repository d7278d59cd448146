import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { CHANNEL_TYPES, type ChannelResponse, type GeographyResponse } from '@lbi/contracts';

import { describeError } from '../../core/api-error';
import { channelTypeLabel } from '../../core/labels';
import { SessionService } from '../../core/session.service';
import { ConfirmDialogComponent, ConfirmData } from '../../shared/confirm-dialog.component';
import { CsvImportComponent } from '../../shared/csv-import/csv-import.component';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatInteger } from '../../shared/format';
import { ChannelDialogComponent, ChannelDialogData } from './channel-dialog.component';
import { ChannelsService } from './channels.service';

const ALL = '';

/** Institutional channels: filter, add, edit, delete, and import from a CSV. */
@Component({
  selector: 'lbi-channels-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CsvImportComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    MatButtonModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
  ],
  templateUrl: './channels.page.html',
  styles: `
    .import-panel {
      margin-bottom: 16px;
    }
    .website-link {
      display: inline-block;
      max-width: 180px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      vertical-align: bottom;
    }
  `,
})
export class ChannelsPage {
  private readonly channels = inject(ChannelsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  protected readonly canWrite = inject(SessionService).canWrite;
  protected readonly all = ALL;
  protected readonly types = CHANNEL_TYPES;
  protected readonly typeLabel = channelTypeLabel;
  protected readonly list = signal<readonly ChannelResponse[] | null>(null);
  protected readonly geographies = signal<readonly GeographyResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly filterGeography = signal(ALL);
  protected readonly filterType = signal(ALL);
  protected readonly filterText = signal('');
  protected readonly dataSource = new MatTableDataSource<ChannelResponse>([]);
  protected readonly formatInteger = formatInteger;
  /** `https://www.example.org/path/` -> `example.org/path` */
  protected readonly shortUrl = (url: string): string =>
    url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');

  protected readonly columns = computed(() => {
    const base = [
      'name',
      'channel_type',
      'geography',
      'zip_code',
      'place',
      'estimated_reach',
      'website',
    ].filter((column) => column !== 'geography' || this.geographies().length > 1);
    return this.canWrite() ? [...base, 'actions'] : base;
  });
  protected readonly geographyNames = computed(
    () =>
      Object.fromEntries(this.geographies().map((g) => [g.id, g.name])) as Partial<Record<string, string>>,
  );

  constructor() {
    this.dataSource.filterPredicate = (channel, filter) => {
      const [geography, type, text] = filter.split('|');
      return (
        (!geography || channel.geography_id === geography) &&
        (!type || channel.channel_type === type) &&
        (!text || `${channel.name} ${channel.city} ${channel.notes ?? ''}`.toLowerCase().includes(text))
      );
    };
    this.dataSource.sortingDataAccessor = (channel, column) => {
      if (column === 'geography') return this.geographyNames()[channel.geography_id] ?? '';
      if (column === 'place') return `${channel.city}, ${channel.state}`;
      const value = channel[column as keyof ChannelResponse];
      return typeof value === 'number' ? value : String(value ?? '').toLowerCase();
    };
    effect(() => {
      this.dataSource.data = [...(this.list() ?? [])];
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });
    effect(
      () =>
        (this.dataSource.filter = `${this.filterGeography()}|${this.filterType()}|${this.filterText().trim().toLowerCase()}`),
    );
    this.channels.geographies().subscribe({
      next: (list) => this.geographies.set(list),
      error: (error: unknown) => this.error.set(describeError(error).message),
    });
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.channels.list().subscribe({
      next: (list) => {
        this.list.set(list);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(describeError(error).message);
        this.loading.set(false);
      },
    });
  }

  protected openDialog(channel?: ChannelResponse): void {
    const data: ChannelDialogData = {
      geographies: this.geographies(),
      channel,
      geographyId: this.filterGeography() || undefined,
    };
    this.dialog
      .open<ChannelDialogComponent, ChannelDialogData, ChannelResponse>(ChannelDialogComponent, {
        data,
        width: '720px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(`${channel ? 'Saved' : 'Added'} "${saved.name}".`, 'OK', { duration: 4000 });
        this.load();
      });
  }

  protected confirmDelete(channel: ChannelResponse): void {
    const data: ConfirmData = {
      title: `Delete "${channel.name}"?`,
      message: 'Reports made from now on will not recommend it. Reports already made keep it.',
      confirm: 'Delete channel',
    };
    this.dialog
      .open(ConfirmDialogComponent, { data })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.channels.remove(channel.id).subscribe({
          next: () => {
            this.snackBar.open(`Deleted "${channel.name}".`, 'OK', { duration: 4000 });
            this.load();
          },
          error: (error: unknown) => this.error.set(describeError(error).message),
        });
      });
  }
}
