export * from './chronology';
export * from './data-source';
export * from './entities/action.entity';
export * from './entities/chronology-entry.entity';
export * from './entities/notification.entity';
export * from './entities/person.entity';
